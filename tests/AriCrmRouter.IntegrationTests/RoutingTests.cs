using AriCrmRouter.TestKit.Crm;
using Microsoft.Extensions.Logging;

namespace AriCrmRouter.IntegrationTests;

/// <summary>The router as deployed (host, websocket, REST, Redis, HTTPS CRM), with fakes only where Asterisk and the CRM would be.</summary>
public sealed class RoutingTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> ApiKey = new() { ["X-Api-Key"] = "crm-T0ken-value" };


    private readonly LiveRouter _stack = new();

    public async Task InitializeAsync()
    {
        await _stack.InitializeAsync();
        await _stack.StartRouterWithRulesAsync(Rules());
    }

    public Task DisposeAsync() => _stack.DisposeAsync();

    [Fact]
    public async Task DidCall_RulesImportedByTheAdminCli_RoutesTheGoldCallerToItsQueue()
    {
        var call = await _stack.Ari.StartCallAsync("+14155550100", "5551000");

        var landing = await _stack.LandingOfAsync(call);

        Assert.Equal(("crmrouter-queue", "103", 1L), (landing.Context, landing.Extension, (long)landing.Priority));
        var channel = _stack.Ari.GetChannel(call)!;
        Assert.Equal("row-matched:vip:103", channel.Variables["CRMROUTER_DECISION"]);
        Assert.Contains(_stack.Ari.Commands, c => c.Path == $"/channels/{call}/ring");
        Assert.DoesNotContain(_stack.Ari.Commands, c => c.Path == $"/channels/{call}/answer");
    }

    [Fact]
    public async Task DidCall_Routed_ThreeRequestsAndNoEventTheRouterDoesNotHandle()
    {
        await _stack.Ari.WaitForAsync(_ => _stack.Ari.AllowedEventTypes.Count > 0, TimeSpan.FromSeconds(10));
        var call = await _stack.Ari.StartCallAsync("+14155550100", "5551000");

        await _stack.LandingOfAsync(call);

        // Ring, one label, continue: nothing else is asked of Asterisk for a warm DID call.
        Assert.Equal(
            [$"/channels/{call}/ring", $"/channels/{call}/variable", $"/channels/{call}/continue"],
            _stack.Ari.Commands.Where(c => c.Path.StartsWith($"/channels/{call}/", StringComparison.Ordinal)).Select(c => c.Path));

        // The router asked for its event types only; the label's ChannelVarset echo never left Asterisk.
        Assert.Contains("StasisStart", _stack.Ari.AllowedEventTypes);
        Assert.DoesNotContain("ChannelVarset", _stack.Ari.AllowedEventTypes);
        var echo = Assert.Single(_stack.Ari.State.SentEvents, e => e.Type == "ChannelVarset" && e.ChannelId == call);
        Assert.True(echo.Filtered);
    }

    [Fact]
    public async Task IvrCall_DigitsTypedDuringTheGreeting_AreSentToTheCrmAndRouteTheCall()
    {
        var call = await _stack.Ari.StartCallAsync("+14155550199", "5553000");
        await _stack.Ari.WaitForAsync(s => s.Playbacks.Values.Any(p => p.ChannelId == call), TimeSpan.FromSeconds(10));

        foreach (var digit in new[] { "4", "2", "4", "2" })
        {
            await _stack.Ari.SendDtmfAsync(call, digit);
        }

        var landing = await _stack.LandingOfAsync(call);
        Assert.Equal(("crmrouter-queue", "103"), (landing.Context, landing.Extension));
        Assert.Contains(_stack.Crm.Requests, r => r.Method == "POST" && r.Body.Contains("\"dtmf\":\"4242\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IvrCall_UnknownAccount_GoesToTheDefaultsVoicemail()
    {
        var call = await _stack.Ari.StartCallAsync("+14155550199", "5553000");
        await _stack.Ari.WaitForAsync(s => s.Playbacks.Values.Any(p => p.ChannelId == call), TimeSpan.FromSeconds(10));

        await _stack.Ari.SendDtmfAsync(call, "9");
        await _stack.Ari.SendDtmfAsync(call, "#");

        var landing = await _stack.LandingOfAsync(call);
        Assert.Equal(("crmrouter-voicemail", "200"), (landing.Context, landing.Extension));
    }

    [Fact]
    public async Task DidCall_CrmDown_GoesToTheDefaultDestinationWithinTheDeadline()
    {
        _stack.Crm.Mode = FakeCrmMode.Down;

        var call = await _stack.Ari.StartCallAsync("+14155550100", "5551000");

        var landing = await _stack.LandingOfAsync(call, TimeSpan.FromSeconds(5));
        Assert.Equal(("crmrouter-queue", "100"), (landing.Context, landing.Extension));
        Assert.StartsWith("lookup-failed:", _stack.Ari.GetChannel(call)!.Variables["CRMROUTER_DECISION"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuleChange_ImportedWhileRunning_IsUsedForTheNextCallWithoutRestart()
    {
        await _stack.ImportRulesAsync(Rules(vipGoldQueue: "104"));
        await _stack.WaitForRulesAsync(r => r.Current.FindByName("vip")!.Rows[0].Destination.Target == "104");

        var call = await _stack.Ari.StartCallAsync("+14155550100", "5551000");

        Assert.Equal("104", (await _stack.LandingOfAsync(call)).Extension);
    }

    [Fact]
    public async Task RedisDown_RouterKeepsItsLastRulesAndStillRoutesByTheCrm()
    {
        await _stack.Redis.StopAsync();

        var call = await _stack.Ari.StartCallAsync("+14155550101", "5551000");

        var landing = await _stack.LandingOfAsync(call, TimeSpan.FromSeconds(10));
        Assert.Equal(("crmrouter-ivr", "200"), (landing.Context, landing.Extension));
    }

    [Fact]
    public async Task MalformedRulesFile_IsRejectedWholeAndTheRulesInForceStay()
    {
        var version = _stack.Rules.Version;
        var (exit, output) = await _stack.AdminAsync("rules", "validate", WriteTemp("""{ "rules": [ { "name": "x" } ], "dids": {} }"""));

        Assert.NotEqual(0, exit);
        Assert.Contains("crmField", output, StringComparison.Ordinal);
        var (importExit, _) = await _stack.AdminAsync("rules", "import", WriteTemp("""{ "rules": [ { "name": "x" } ], "dids": {} }"""), "--replace");
        Assert.NotEqual(0, importExit);
        Assert.Equal(version, _stack.Rules.Version);
        Assert.NotNull(_stack.Rules.Current.FindByName("vip"));
    }

    [Fact]
    public async Task Websocket_DroppedWhileACallEnters_CallIsRecoveredAfterReconnect()
    {
        _stack.Ari.RefuseConnections = true;
        await _stack.Ari.DisconnectClientsAsync();
        var waiting = _stack.Ari.AddChannelWithoutEvent("+14155550100", "5551000");

        _stack.Ari.RefuseConnections = false;

        var landing = await _stack.LandingOfAsync(waiting, TimeSpan.FromSeconds(15));
        Assert.Equal(("crmrouter-queue", "103"), (landing.Context, landing.Extension));
    }

    [Fact]
    public async Task Shutdown_CallStillInTheGreeting_IsSentToItsDefaultBeforeTheRouterStops()
    {
        var call = await _stack.Ari.StartCallAsync("+14155550100", "5553000");
        await _stack.Ari.WaitForAsync(s => s.Playbacks.Values.Any(p => p.ChannelId == call), TimeSpan.FromSeconds(10));

        await _stack.StopRouterAsync();

        var landing = _stack.Ari.GetChannel(call)!.Landing;
        Assert.NotNull(landing);
        Assert.Equal(("crmrouter-voicemail", "200"), (landing.Context, landing.Extension));
    }

    [Fact]
    public async Task Logs_AfterCalls_NeverContainTheAriPasswordOrCrmToken()
    {
        var call = await _stack.Ari.StartCallAsync("+14155550100", "5551000");
        await _stack.LandingOfAsync(call);

        var all = string.Join('\n', _stack.Logs.GetSnapshot().Select(r => r.Message + r.Exception));
        Assert.DoesNotContain(LiveRouter.AriPassword, all, StringComparison.Ordinal);
        Assert.DoesNotContain(LiveRouter.CrmToken, all, StringComparison.Ordinal);
        Assert.DoesNotContain(_stack.Ari.Commands, c => c.RawTarget.Contains(LiveRouter.AriPassword, StringComparison.Ordinal));
        Assert.Single(_stack.Logs.GetSnapshot(), r => r.Id.Id == 2001 && r.Level == LogLevel.Information);
    }

    private static string WriteTemp(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"crmrouter-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>DID 5551000: rule vip (custom CRM with an API key; gold to queue 103, SILVER to IVR 200); DID 5553000: IVR rule accounts.</summary>
    private static string Rules(string vipGoldQueue = "103") => RuleJson.File(
        [
            RuleJson.Did("vip", [RuleJson.Row("=", "gold", "queue", vipGoldQueue), RuleJson.Row("=", "SILVER", "ivr", "200")], crm: RuleJson.Crm(headers: ApiKey), lookupTimeoutMs: 3000),
            RuleJson.Ivr("accounts", [RuleJson.Row("=", "GOLD", "queue", "103")], defaultVoicemail: "yes"),
        ],
        ("5551000", "vip"),
        ("5553000", "accounts"));
}
