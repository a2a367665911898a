using Microsoft.Extensions.Hosting;

namespace AriCrmRouter.Storage.Secrets;

/// <summary>
/// Says once, at router start, whether the key ring decrypts every stored secret: one warning naming the rules and
/// connections it cannot decrypt (they route to their defaults; the others are unaffected), or one information line
/// with the counts. Runs in the background so that a slow Redis does not hold up the start.
/// </summary>
internal sealed class SecretsStartupCheck(StoredSecrets secrets, SecretProtector protector, TimeProvider timeProvider, ILogger<SecretsStartupCheck> logger)
    : BackgroundService
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(CheckTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        StoredSecretsStatus status;
        try
        {
            status = await secrets.InspectAsync(linked.Token);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or OperationCanceledException or InvalidDataException)
        {
            var error = ex.GetType().Name;
            Log.SecretsNotChecked(logger, error);
            return;
        }

        if (status.AllReadable)
        {
            var keyCount = protector.KeyCount();
            Log.SecretsReadable(logger, protector.KeyRingDescription, keyCount, status.Encrypted, status.PlainText);
        }
        else
        {
            var unreadable = status.DescribeUnreadable();
            Log.SecretsUnreadable(logger, unreadable);
        }
    }
}
