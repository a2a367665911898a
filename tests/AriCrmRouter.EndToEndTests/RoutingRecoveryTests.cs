using AriCrmRouter.TestKit.Ari;

namespace AriCrmRouter.EndToEndTests;

/// <summary>
/// Routing is more than one attempt (issue 7, item 4): a failed <c>continue</c> is tried again while the channel is
/// still in Stasis, a label that cannot be set does not hold the call, and a channel in the application without a
/// session (its StasisStart was lost) is routed by the periodic sweep. The router under test talks to the real
/// Asterisk through <see cref="FaultyAriProxy"/>, which injects those faults; the tier's own router is stopped
/// meanwhile (one application has one connection) and started again afterwards.
/// </summary>
[Collection(EndToEndTier.Name)]
public sealed class RoutingRecoveryTests(EndToEndEnvironment stack)
{
    [Theory]
    [InlineData(AriFault.ServerError)]
    [InlineData(AriFault.Lost)]
    public async Task ContinueFailsTwice_ChannelStillInStasis_RetriedAndLandsAtItsDestination(AriFault fault)
    {
        var (call, proxy) = await ThroughFaultyAriAsync(p => p.FailNextContinues(2, fault), $" ({fault})");

        Assert.Equal(2, proxy.FailedContinues);
        call.AssertLanded("queue:610", "status-did", fallback: "");
    }

    [Fact]
    public async Task EveryLabelFails_CallIsRoutedAnyway()
    {
        var (call, proxy) = await ThroughFaultyAriAsync(p => p.FailNextVariables(1));

        Assert.Equal(1, proxy.FailedVariables); // the one label, CRMROUTER_DECISION
        // The dialplan prints the labels it was given: none arrived, yet the call went where the rule says.
        call.AssertLanded("queue:610", rule: "", reason: "");
    }

    [Fact]
    public async Task StasisStartLost_ChannelWithoutSession_RoutedByTheSweep()
    {
        // The call must arrive after the recovery that follows the router's connection (which would adopt it too):
        // two reads of the application with none under way means that recovery and a sweep are done.
        var (call, proxy) = await ThroughFaultyAriAsync(p => p.DropNextStasisStart(), waitForApplicationReads: 2);

        var dropped = Assert.Single(proxy.DroppedStasisStarts);
        Assert.Equal(dropped, call.Landing.UniqueId);
        Assert.Contains($"Channel {dropped} was in application crmrouter without a call session; routing it", RouterLog(), StringComparison.Ordinal);
        call.AssertLanded("queue:610", "status-did", fallback: "");
    }

    /// <summary>
    /// One GOLD call to the status DID (rule status-did: GOLD goes to queue 610) through a router that reaches ARI
    /// only through a fresh proxy armed by <paramref name="arm"/>; its sweep runs every second.
    /// </summary>
    private async Task<(CallOutcome Call, FaultyAriProxy Proxy)> ThroughFaultyAriAsync(
        Action<FaultyAriProxy> arm, string variant = "", int waitForApplicationReads = 0, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        var proxy = await FaultyAriProxy.StartAsync(new Uri(stack.Stack.AriBaseUrl));
        var environment = stack.RouterEnvironment();
        environment["Ari__BaseUrl"] = proxy.BaseUrl.ToString();
        environment["Routing__SweepInterval"] = "00:00:01";
        var router = new RouterProcess(environment, stack.RunFile("router-faulty-ari.log"));
        await stack.Router.StopAsync();
        try
        {
            await router.StartAsync();
            await proxy.WaitForApplicationReadsAsync(waitForApplicationReads, TimeSpan.FromSeconds(30));
            arm(proxy);
            var call = await stack.CallAsync(Dids.Status, Callers.Gold, 1000, scenario + variant);
            return (call, proxy);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\nRouter behind the proxy (log tail):\n{Tail(router.ReadLog())}", ex);
        }
        finally
        {
            await router.DisposeAsync();
            await proxy.DisposeAsync();
            await stack.Router.StartAsync();
        }
    }

    private string RouterLog() => File.ReadAllText(stack.RunFile("router-faulty-ari.log"));

    private static string Tail(string log) => log.Length <= 6000 ? log : log[^6000..];
}
