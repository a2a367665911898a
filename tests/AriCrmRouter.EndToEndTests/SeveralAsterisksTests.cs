namespace AriCrmRouter.EndToEndTests;

/// <summary>
/// One router serving two Asterisk servers (docs/high-availability.md, "Several Asterisk servers"): the tier's stack
/// is pbx1, a second stack.sh instance without Redis of its own is pbx2, and the router lists both under
/// <c>Ari:Servers</c>. Calls placed with SIPp into each Asterisk (77&lt;DID&gt;: StasisBroadcast, claimed by this
/// router's application) land at their rule's destinations, read from each Asterisk's own log.
/// </summary>
[Collection(EndToEndTier.Name)]
public sealed class SeveralAsterisksTests(EndToEndEnvironment stack)
{
    private const string BroadcastPrefix = "77";
    private const string Application = "crmrouter-multi";

    [Fact]
    public async Task OneRouterTwoAsterisks_CallsIntoBoth_LandAtTheirRuleDestinations()
    {
        var pbx2 = new StackInstance($"e2e{Environment.ProcessId}b", withRedis: false, rtpBlock: 1);
        try
        {
            await pbx2.UpAsync();
            await using var router = new RouterProcess(RouterEnvironment(pbx2), stack.RunFile("router-two-asterisks.log"));
            await router.StartAsync();
            await WaitForBothConnectedAsync(router);
            var sipp2 = new SippDriver(pbx2.SipPort, stack.RunFile("sipp-pbx2"));

            var calls = await Task.WhenAll(
                CallAsync(stack.Stack, stack.Sipp, "pbx1", Callers.Gold),
                CallAsync(pbx2, sipp2, "pbx2", Callers.Bronze),
                CallAsync(stack.Stack, stack.Sipp, "pbx1", Callers.Silver),
                CallAsync(pbx2, sipp2, "pbx2", Callers.GoldSecondPhone));

            Assert.Equal(
                ["pbx1 queue:610", "pbx2 extension:1003", "pbx1 ivr:700", "pbx2 queue:610"],
                calls.Select(c => $"{c.Server} {c.Landing.Destination}"));
            Assert.All(calls, c => Assert.Equal(("status-did", "row-matched", ""), (c.Landing.Rule, c.Landing.Reason, c.Landing.Fallback)));
            var log = router.ReadLog();
            Assert.Contains("=> server pbx1 => call", log, StringComparison.Ordinal);
            Assert.Contains("=> server pbx2 => call", log, StringComparison.Ordinal);
        }
        finally
        {
            await pbx2.DownAsync();
            KeepLogs(pbx2);
        }
    }

    private async Task<(string Server, Landing Landing)> CallAsync(StackInstance asterisk, SippDriver sipp, string server, string caller)
    {
        var mark = asterisk.Log.Mark();
        var result = sipp.RunAsync(new SippCall { Scenario = SippScenarios.Call, Did = BroadcastPrefix + Dids.Status, Caller = caller, HoldMs = 300 });
        var landing = await asterisk.Log.WaitForLandingAsync(mark, caller, TimeSpan.FromSeconds(30));
        var sippResult = await result;
        Assert.True(sippResult.Succeeded, $"{server}: {sippResult}\n{sippResult.Output}");
        stack.Record($"{nameof(OneRouterTwoAsterisks_CallsIntoBoth_LandAtTheirRuleDestinations)} ({server})", asterisk.Log.SetupTime(mark, landing), landing.Destination);
        return (server, landing);
    }

    /// <summary>The tier's router environment with the two servers under Ari:Servers instead of Ari:BaseUrl.</summary>
    private Dictionary<string, string> RouterEnvironment(StackInstance pbx2)
    {
        var environment = stack.RouterEnvironment();
        environment.Remove("Ari__BaseUrl");
        environment.Remove("Ari__Username");
        environment.Remove("Ari__Password");
        environment["Ari__Application"] = Application;
        foreach (var (index, name, asterisk) in new[] { (0, "pbx1", stack.Stack), (1, "pbx2", pbx2) })
        {
            environment[$"Ari__Servers__{index}__Name"] = name;
            environment[$"Ari__Servers__{index}__BaseUrl"] = asterisk.AriBaseUrl;
            environment[$"Ari__Servers__{index}__Username"] = StackInstance.AriUsername;
            environment[$"Ari__Servers__{index}__Password"] = asterisk.AriPassword;
        }

        environment["Observability__Port"] = Ports.FreeTcp().ToString(CultureInfo.InvariantCulture);

        // This router's first lookups are cold (TLS handshakes with the sample CRM) on a loaded machine: the scenario is
        // about serving two Asterisks, not the CRM deadline, so a cold lookup must not end at the default destination.
        environment["Crm__DefaultLookupTimeout"] = "00:00:10";
        return environment;
    }

    /// <summary><see cref="RouterProcess.StartAsync"/> saw the first connect; the StasisBroadcast offers need both.</summary>
    private static async Task WaitForBothConnectedAsync(RouterProcess router)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30))
        {
            var log = router.ReadLog();
            if (Connected(log, "pbx1") && Connected(log, "pbx2"))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"the router did not connect to both Asterisks within 30 s:\n{router.ReadLog()}");
    }

    private static bool Connected(string log, string server) => log.Split('\n').Any(line =>
        line.Contains($"=> server {server} ", StringComparison.Ordinal) && line.Contains("Connected to ARI as application", StringComparison.Ordinal));

    /// <summary>Keeps pbx2's Asterisk log beside the tier's, then removes the stopped instance (only disk space).</summary>
    private void KeepLogs(StackInstance pbx2)
    {
        if (string.IsNullOrEmpty(pbx2.LogDirectory) || !Directory.Exists(pbx2.LogDirectory))
        {
            return;
        }

        var messages = Path.Combine(pbx2.LogDirectory, "messages");
        if (File.Exists(messages))
        {
            File.Copy(messages, stack.RunFile("asterisk-pbx2-messages.log"), overwrite: true);
        }

        var instance = Path.GetDirectoryName(pbx2.LogDirectory.TrimEnd('/'));
        if (instance is not null && instance.Contains("/srv/aricrmrouter/", StringComparison.Ordinal))
        {
            Directory.Delete(instance, recursive: true);
        }

        if (Directory.Exists(pbx2.StateDirectory))
        {
            Directory.Delete(pbx2.StateDirectory, recursive: true);
        }
    }
}
