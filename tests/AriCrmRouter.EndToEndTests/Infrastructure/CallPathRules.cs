namespace AriCrmRouter.EndToEndTests.Infrastructure;

/// <summary>
/// Imports Rules/call-path-rules.json next to the tier's rules (a merge, not a replace) once per run, and waits
/// until the router has loaded the new set, so the first call cannot race the rule-set watcher.
/// </summary>
internal static class CallPathRules
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _imported;

    /// <summary>
    /// Calls <paramref name="did"/> of the call-path rules (imported first) and waits for <paramref name="landings"/>
    /// landings of <paramref name="caller"/>; returns them with SIPp's result.
    /// </summary>
    public static async Task<(SippResult Sipp, IReadOnlyList<Landing> Landings)> CallAsync(
        EndToEndEnvironment stack, string did, string caller, int holdMs, int landings = 1)
    {
        await EnsureImportedAsync(stack);
        return await stack.CallUntilLandingsAsync(new SippCall { Scenario = SippScenarios.Call, Did = did, Caller = caller, HoldMs = holdMs }, landings);
    }

    private static async Task EnsureImportedAsync(EndToEndEnvironment stack)
    {
        await Gate.WaitAsync();
        try
        {
            if (_imported)
            {
                return;
            }

            var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Rules", "call-path-rules.json"));
            var file = stack.RunFile("call-path-rules.json");
            await File.WriteAllTextAsync(file, template.Replace("{CRM_URL}", stack.Crm.LookupUrl, StringComparison.Ordinal));
            var offset = stack.Router.LogLength;
            await stack.AdminAsync("rules", "import", file);
            for (var i = 0; i < 100 && !stack.Router.LogSince(offset).Contains("Loaded rule set version", StringComparison.Ordinal); i++)
            {
                await Task.Delay(100);
            }

            Assert.Contains("Loaded rule set version", stack.Router.LogSince(offset), StringComparison.Ordinal);
            _imported = true;
        }
        finally
        {
            Gate.Release();
        }
    }
}
