using System.Globalization;
using AriCrmRouter.Cli.Output;
using AriCrmRouter.Storage.Secrets;

namespace AriCrmRouter.Cli.Commands;

/// <summary><c>secrets new-key|status|reencrypt</c>: the key ring that encrypts secrets in Redis, and key rotation.</summary>
internal static class SecretsCommands
{
    public static Command Create(CliContext context) => new("secrets", "Manage the key ring that encrypts CRM secrets and header values in Redis (rotation, re-encryption)")
    {
        NewKey(context),
        Status(context),
        Reencrypt(context),
    };

    private static Command NewKey(CliContext context)
    {
        var ifNone = new Option<bool>("--if-none") { Description = "Only when the key ring has no key yet (for setup scripts: running it twice adds one key)" };
        var command = new Command("new-key", "Add a key to the key ring; it encrypts from now on, older keys keep decrypting (rotation)") { ifNone };
        return context.Runs(command, async (parse, ct) =>
        {
            using var ring = SecretKeyRing.Open(RequiredKeyRing(context, parse));
            var keys = ring.Keys();
            if (parse.GetValue(ifNone) && keys.Count > 0)
            {
                await context.Out.WriteLineAsync($"The key ring at {ring.Path} already has {keys.Count} key(s); none added.");
                return ExitCodes.Success;
            }

            var key = ring.CreateKey(TimeProvider.System);
            await context.Out.WriteLineAsync($"Added key {key.Id} to the key ring at {ring.Path}; new secrets are encrypted with it.");
            if (keys.Count > 0)
            {
                await context.Out.WriteLineAsync("Older keys stay in the ring and still decrypt. 'crmrouter-admin secrets reencrypt' rewrites every stored secret with the new key.");
            }

            return ExitCodes.Success;
        });
    }

    private static Command Status(CliContext context)
    {
        var command = new Command("status", "Show the key ring's keys and whether every secret stored in Redis decrypts (exit 1 when some do not)");
        return context.Runs(command, async (parse, ct) =>
        {
            if (context.KeyRingPath(parse) is { } path)
            {
                using var ring = SecretKeyRing.Open(path);
                var keys = ring.Keys();
                await context.Out.WriteLineAsync($"Key ring: {ring.Path} ({keys.Count} key(s))");
                var current = keys.FirstOrDefault(key => !key.Revoked && key.Activated <= TimeProvider.System.GetUtcNow());
                TableWriter.Write(
                    context.Out,
                    ["KEY", "CREATED", "USE"],
                    keys.Select(key => (IReadOnlyList<string>)
                    [
                        key.Id.ToString(),
                        key.Created.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                        key.Revoked ? "revoked" : key == current ? "encrypts and decrypts" : "decrypts",
                    ]));
            }
            else
            {
                await context.Out.WriteLineAsync("Key ring: none given (--key-ring, $CRMROUTER_KEY_RING or $Secrets__KeyRingPath)");
            }

            await using var storage = context.OpenStorage(parse);
            var status = await storage.Secrets.InspectAsync(ct);
            return await ReportAsync(context, status);
        });
    }

    private static Command Reencrypt(CliContext context)
    {
        var command = new Command("reencrypt", "Rewrite every secret stored in Redis with the key ring's current key (after new-key, or to encrypt plain text left by older versions)");
        return context.Runs(command, async (parse, ct) =>
        {
            _ = RequiredKeyRing(context, parse);
            await using var storage = context.OpenStorage(parse);
            StoredSecretsStatus status;
            try
            {
                status = await storage.Secrets.ReencryptAsync(ct);
            }
            catch (InvalidOperationException ex)
            {
                return await context.ProblemAsync($"error: {ex.Message}");
            }

            await context.Out.WriteLineAsync("Re-encrypted every stored secret with the current key.");
            return await ReportAsync(context, status);
        });
    }

    private static async Task<int> ReportAsync(CliContext context, StoredSecretsStatus status)
    {
        await context.Out.WriteLineAsync($"Stored secrets: {status.Encrypted} encrypted, {status.PlainText} in plain text (written by an older version).");
        if (status.AllReadable)
        {
            return ExitCodes.Success;
        }

        await context.Out.WriteLineAsync($"Cannot decrypt {status.DescribeUnreadable()}: the router routes these rules to their default destinations.");
        return ExitCodes.Problem;
    }

    private static string RequiredKeyRing(CliContext context, ParseResult parse) =>
        context.KeyRingPath(parse)
        ?? throw new UsageException("no key ring given: --key-ring <directory>, $CRMROUTER_KEY_RING or $Secrets__KeyRingPath");
}
