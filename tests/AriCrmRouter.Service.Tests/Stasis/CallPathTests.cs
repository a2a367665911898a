using System.Net;
using AriCrmRouter.Ari.Events;
using AriCrmRouter.Service.Tests.Fakes;

namespace AriCrmRouter.Service.Tests.Stasis;

/// <summary>
/// No call is stranded: a channel that enters the application again right after a continue, labels that cannot be
/// set, a continue that fails while the channel is still in Stasis, and channels in the application without a session.
/// </summary>
public sealed class CallPathTests : IAsyncLifetime
{
    private const string Gold = "+14155550100";
    private const string FirstChannel = "1700000000.1";

    private RouterHarness _router = null!;

    public async Task InitializeAsync()
    {
        _router = await RouterHarness.StartAsync(CallFlowTests.SampleRules, settings: new() { ["Routing:ContinueRetries"] = "1" });
        CallFlowTests.SeedCrm(_router.Crm);
    }

    public async Task DisposeAsync() => await _router.DisposeAsync();

    [Fact]
    public async Task StasisStart_ChannelEntersAgainBeforeItsSessionEnded_IsRoutedByTheRuleItNames()
    {
        var gate = new TaskCompletionSource();
        _router.Ari.Hold["continue "] = gate;
        var call = _router.StartCall(Gold, "5551000");
        await _router.Ari.WaitForAsync(c => c == $"continue {call} crmrouter-queue 103 1");

        // The destination enters Stasis(crmrouter,value) at once: StasisEnd, then a new StasisStart, while the
        // first session still waits for the answer to its continue.
        var channel = _router.Ari.Channels[call];
        _router.Send(new StasisEnd { Type = "StasisEnd", Channel = channel });
        var again = channel with { Dialplan = channel.Dialplan with { AppData = "crmrouter,value" } };
        _router.Ari.Channels[call] = again;
        _router.Send(new StasisStart { Type = "StasisStart", Channel = again, Args = ["value"] });
        gate.SetResult();

        Assert.Equal($"continue {call} crmrouter-recording s 1", await _router.Ari.WaitForAsync(c => c == $"continue {call} crmrouter-recording s 1"));
        await _router.IdleAsync();
        Assert.Equal(2, _router.Decisions.Count);
    }

    [Fact]
    public async Task StasisStart_SecondStartOfACallInHand_IsIgnored()
    {
        var gate = new TaskCompletionSource();
        _router.Ari.Hold["ring "] = gate;
        var call = _router.StartCall(Gold, "5551000");
        await _router.Ari.WaitForAsync(c => c == $"ring {call}");

        _router.Send(new StasisStart { Type = "StasisStart", Channel = _router.Ari.Channels[call] });
        gate.SetResult();

        await _router.IdleAsync();
        Assert.Single(_router.Ari.CommandsFor(call), c => c.StartsWith("continue ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Route_LabelsCannotBeSet_CallIsStillContinuedToItsDestination()
    {
        _router.Ari.Throw["var "] = new HttpRequestException("connection reset");

        var call = _router.StartCall(Gold, "5551000");

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _router.ContinuedAsync(call));
    }

    [Fact]
    public async Task Route_ContinueKeepsFailingWhileInStasis_RetriedThenSentToTheGlobalFallback()
    {
        _router.Ari.Throw[$"continue {FirstChannel} crmrouter-queue 103 "] = new AriCrmRouter.Ari.Rest.AriException(HttpStatusCode.InternalServerError, "POST", "/continue", "boom");

        var call = _router.StartCall(Gold, "5551000");

        Assert.Equal(FirstChannel, call);
        await _router.Ari.WaitForAsync(c => c == $"continue {call} crmrouter-queue 500 1");
        Assert.Equal(2, _router.Ari.CommandsFor(call).Count(c => c == $"continue {call} crmrouter-queue 103 1"));
    }

    [Fact]
    public async Task Route_ContinueFailsAfterTheChannelLeftStasis_NotContinuedAgain()
    {
        var gate = new TaskCompletionSource();
        _router.Ari.Hold["ring "] = gate;
        _router.Ari.FailOnce["continue "] = HttpStatusCode.InternalServerError;
        var call = _router.StartCall(Gold, "5551000");
        await _router.Ari.WaitForAsync(c => c == $"ring {call}");
        var channel = _router.Ari.Channels[call];
        _router.Ari.Channels[call] = channel with { Dialplan = channel.Dialplan with { AppName = "Queue" } };
        gate.SetResult();

        await _router.IdleAsync();

        Assert.Single(_router.Ari.CommandsFor(call), c => c.StartsWith("continue ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sweep_ChannelInTheAppWithoutASession_IsRoutedOnTheSecondSweepOnly()
    {
        await ConnectedAsync();
        var channel = "1700000000.77";
        _router.Ari.Channels[channel] = RouterHarness.Channel(channel, Gold, "5551000", "Ring", []);

        await _router.Dispatcher.SweepAsync(CancellationToken.None);
        Assert.Empty(_router.Ari.CommandsFor(channel));

        await _router.Dispatcher.SweepAsync(CancellationToken.None);
        Assert.Equal($"continue {channel} crmrouter-queue 103 1", await _router.ContinuedAsync(channel));
    }

    [Fact]
    public async Task Sweep_RoutingFailedAltogether_ALaterSweepRoutesTheCall()
    {
        await ConnectedAsync();
        _router.Ari.Throw[$"continue {FirstChannel} "] = new HttpRequestException("ARI unreachable");
        var call = _router.StartCall(Gold, "5551000");
        await _router.IdleAsync();
        Assert.Contains(_router.Decisions, d => d.Message.Contains("result=Failed", StringComparison.Ordinal));

        _router.Ari.Throw.Clear();
        await _router.Dispatcher.SweepAsync(CancellationToken.None);
        await _router.Dispatcher.SweepAsync(CancellationToken.None);

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _router.Ari.WaitForAsync(c => c == $"continue {call} crmrouter-queue 103 1" && _router.Decisions.Count == 2));
    }

    [Fact]
    public async Task Sweep_ChannelWithALiveSession_IsLeftToItsSession()
    {
        await ConnectedAsync();
        var gate = new TaskCompletionSource();
        _router.Ari.Hold["ring "] = gate;
        var call = _router.StartCall(Gold, "5551000");
        await _router.Ari.WaitForAsync(c => c == $"ring {call}");

        await _router.Dispatcher.SweepAsync(CancellationToken.None);
        await _router.Dispatcher.SweepAsync(CancellationToken.None);
        gate.SetResult();

        await _router.IdleAsync();
        Assert.Single(_router.Ari.CommandsFor(call), c => c.StartsWith("continue ", StringComparison.Ordinal));
    }

    /// <summary>Connects the dispatcher (no calls yet) and waits for its recovery pass, so only the sweeps act.</summary>
    private async Task ConnectedAsync()
    {
        _router.Dispatcher.OnConnected(isReconnect: false);
        await _router.Ari.WaitForAsync(c => c.StartsWith("application ", StringComparison.Ordinal));
    }
}
