using AriCrmRouter.Storage.Secrets;
using Microsoft.Extensions.Logging;

namespace AriCrmRouter.IntegrationTests;

/// <summary>
/// Rules imported by the admin CLI with its key ring, routed by the router: with the same key ring the header reaches
/// the CRM; without the key (none, or another ring) the rule with headers routes to its default, others still work.
/// </summary>
public sealed class SecretsAtRestRoutingTests : IAsyncLifetime
{
    /// <summary>DID 5551000: rule vip, whose CRM request carries an API key (a secret at rest); DID 5552000: rule open, without headers.</summary>
    private static readonly string Rules = RuleJson.File(
        [
            RuleJson.Did("vip", [RuleJson.Row("=", "GOLD", "queue", "103")], crm: RuleJson.Crm(headers: new Dictionary<string, string> { ["X-Api-Key"] = "crm-T0ken-value" }), lookupTimeoutMs: 3000),
            RuleJson.Did("open", [RuleJson.Row("=", "GOLD", "queue", "203")], defaultQueue: "200", crm: RuleJson.Crm(withHeaders: false), lookupTimeoutMs: 3000),
        ],
        ("5551000", "vip"),
        ("5552000", "open"));

    private readonly LiveRouter _stack = new();
    private readonly string _otherKeyRing = Path.Combine(Path.GetTempPath(), $"crmrouter-other-ring-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        await _stack.InitializeAsync();
        await _stack.ImportRulesAsync(Rules);
    }

    public async Task DisposeAsync()
    {
        await _stack.DisposeAsync();
        if (Directory.Exists(_otherKeyRing))
        {
            Directory.Delete(_otherKeyRing, recursive: true);
        }
    }

    [Fact]
    public async Task Router_SameKeyRingAsTheAdminCli_SendsTheDecryptedHeaderAndRoutesByTheCrm()
    {
        await _stack.StartRouterAsync();

        var call = await _stack.Ari.StartCallAsync("+14155550100", "5551000");
        var landing = await _stack.LandingOfAsync(call);

        Assert.Equal(("crmrouter-queue", "103"), (landing.Context, landing.Extension));
        Assert.Contains(_stack.Crm.Requests, r => r.Headers.TryGetValue("X-Api-Key", out var key) && key == LiveRouter.CrmToken);
        var line = await StartupCheckLineAsync(4031);
        Assert.Contains("decrypts all 1 encrypted", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Router_KeyRingWithoutTheKey_SaysSoOnceAndRoutesOnlyThatRuleToItsDefault()
    {
        using (var ring = SecretKeyRing.Open(_otherKeyRing))
        {
            ring.CreateKey(TimeProvider.System);
        }

        await _stack.StartRouterAsync(new Dictionary<string, string?> { ["Secrets:KeyRingPath"] = _otherKeyRing });

        await AssertOnlyTheRuleWithHeadersGoesToItsDefaultAsync();
        Assert.Contains("not in the key ring at", await UnreadableWarningAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Router_NoKeyRing_SaysSoOnceAndRoutesOnlyThatRuleToItsDefault()
    {
        await _stack.StartRouterAsync(new Dictionary<string, string?> { ["Secrets:KeyRingPath"] = null });

        await AssertOnlyTheRuleWithHeadersGoesToItsDefaultAsync();
        Assert.Contains("no key ring is configured", await UnreadableWarningAsync(), StringComparison.Ordinal);
    }

    private async Task AssertOnlyTheRuleWithHeadersGoesToItsDefaultAsync()
    {
        var locked = await _stack.Ari.StartCallAsync("+14155550100", "5551000");
        var open = await _stack.Ari.StartCallAsync("+14155550100", "5552000");

        var lockedLanding = await _stack.LandingOfAsync(locked);
        var openLanding = await _stack.LandingOfAsync(open);

        Assert.Equal(("crmrouter-queue", "100"), (lockedLanding.Context, lockedLanding.Extension));
        Assert.StartsWith("lookup-failed:", _stack.Ari.GetChannel(locked)!.Variables["CRMROUTER_DECISION"], StringComparison.Ordinal);
        Assert.Equal(("crmrouter-queue", "203"), (openLanding.Context, openLanding.Extension));
        Assert.DoesNotContain(_stack.Crm.Requests, r => r.Headers.ContainsKey("X-Api-Key"));
        var all = string.Join('\n', _stack.Logs.GetSnapshot().Select(r => r.Message + r.Exception));
        Assert.DoesNotContain(LiveRouter.CrmToken, all, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretProtector.EncryptedPrefix, all, StringComparison.Ordinal);
    }

    private async Task<string> UnreadableWarningAsync()
    {
        var warning = await StartupCheckLineAsync(4030);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("rule(s) 'vip'", warning.Message, StringComparison.Ordinal);
        return warning.Message;
    }

    /// <summary>The start-up check runs in the background: waits for its one line, then checks there is only one.</summary>
    private async Task<Microsoft.Extensions.Logging.Testing.FakeLogRecord> StartupCheckLineAsync(int eventId)
    {
        for (var i = 0; i < 500 && !_stack.Logs.GetSnapshot().Any(r => r.Id.Id is 4030 or 4031 or 4032); i++)
        {
            await Task.Delay(10);
        }

        var lines = _stack.Logs.GetSnapshot().Where(r => r.Id.Id is 4030 or 4031 or 4032).ToList();
        Assert.True(lines.Count == 1, $"expected one start-up line about secrets, got {lines.Count}");
        Assert.Equal(eventId, lines[0].Id.Id);
        return lines[0];
    }
}
