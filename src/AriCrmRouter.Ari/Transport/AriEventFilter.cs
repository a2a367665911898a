namespace AriCrmRouter.Ari.Transport;

/// <summary>
/// Sets the application's event filter after each connect (<c>PUT /applications/{app}/eventFilter</c>), so Asterisk
/// sends only what the sink handles. Best effort: without the filter the router receives more events than it needs and
/// ignores them, so a failure is a warning, never a reason to drop the connection. Events that arrive before the filter
/// is in place are handled as usual.
/// </summary>
internal sealed class AriEventFilter(IAriClient? ari, AriOptions options, ILogger logger)
{
    /// <summary>Always allowed: the transport itself reports it (another router took the application).</summary>
    public const string ApplicationReplaced = "ApplicationReplaced";

    public async Task ApplyAsync(IReadOnlyCollection<string>? handledTypes, CancellationToken cancellationToken)
    {
        if (ari is null || handledTypes is null || handledTypes.Count == 0)
        {
            return;
        }

        var allowed = handledTypes.Append(ApplicationReplaced).Distinct(StringComparer.Ordinal).ToArray();
        try
        {
            await ari.SetEventFilterAsync(options.Application, allowed, cancellationToken);
            Log.EventFilterSet(logger, options.Application, allowed.Length);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: nothing to filter any more.
        }
        catch (Exception ex)
        {
            // Whatever went wrong, the connection stays: unfiltered events are only ignored.
            Log.EventFilterFailed(logger, options.Application, ex.Message);
        }
    }
}
