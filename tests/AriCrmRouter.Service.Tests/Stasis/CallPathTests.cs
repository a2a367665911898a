using System.Net;
using AriCrmRouter.Ari.Events;
using AriCrmRouter.Ari.Rest;
using AriCrmRouter.Service.Tests.Fakes;
using AriCrmRouter.Tests.Calls;
using static AriCrmRouter.Tests.Calls.SampleCalls;

namespace AriCrmRouter.Service.Tests.Stasis;

/// <summary>
/// No call is stranded: a channel that enters the application again right after a continue, labels that cannot be
/// set, a continue that fails while the channel is still in Stasis, and channels in the application without a session.
/// </summary>
public sealed class CallPathTests : IAsyncLifetime
{
    private const string FirstChannel = "1700000000.1";

    private readonly FakeCrmLookup _crm = new();
    private CallHarness _calls = null!;

    public Task InitializeAsync()
    {
        _calls = FakeCalls.Start(_crm, FakeCalls.NewClock(), new() { ["Routing:ContinueRetries"] = "1" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _calls.DisposeAsync();

    [Fact]
    public async Task StasisStart_ChannelEntersAgainBeforeItsSessionEnded_IsRoutedByTheRuleItNames()
    {
        var gate = new TaskCompletionSource();
        _calls.Ari.Hold["continue "] = gate;
        var call = _calls.StartCall(Gold, "5551000");
        await _calls.Ari.WaitForAsync(c => c == $"continue {call} crmrouter-queue 103 1");

        // The destination enters Stasis(crmrouter,value) at once: StasisEnd, then a new StasisStart, while the
        // first session still waits for the answer to its continue.
        var channel = _calls.Ari.Channels[call];
        _calls.Send(new StasisEnd { Type = "StasisEnd", Channel = channel });
        var again = channel with { Dialplan = channel.Dialplan with { AppData = "crmrouter,value" } };
        _calls.Ari.Channels[call] = again;
        _calls.Send(new StasisStart { Type = "StasisStart", Channel = again, Args = ["value"] });
        gate.SetResult();

        await _calls.Ari.WaitForAsync(c => c == $"continue {call} crmrouter-recording s 1");
        await _calls.IdleAsync();
        Assert.Equal(2, _calls.Decisions.Count);
    }

    [Fact]
    public async Task StasisStart_SecondStartOfACallInHand_IsIgnored()
    {
        var gate = new TaskCompletionSource();
        _calls.Ari.Hold["ring "] = gate;
        var call = _calls.StartCall(Gold, "5551000");
        await _calls.Ari.WaitForAsync(c => c == $"ring {call}");

        _calls.Send(new StasisStart { Type = "StasisStart", Channel = _calls.Ari.Channels[call] });
        gate.SetResult();

        await _calls.IdleAsync();
        Assert.Single(_calls.Ari.CommandsFor(call), c => c.StartsWith("continue ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Route_LabelsCannotBeSet_CallIsStillContinuedToItsDestination()
    {
        _calls.Ari.Throw["var "] = new HttpRequestException("connection reset");

        var call = _calls.StartCall(Gold, "5551000");

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _calls.ContinuedAsync(call));
    }

    [Fact]
    public async Task Route_ContinueFailsOnceWhileStillInStasis_IsContinuedToItsDestinationOnTheNextAttempt()
    {
        _calls.Ari.FailOnce["continue "] = HttpStatusCode.InternalServerError;

        var call = _calls.StartCall(Gold, "5551000");

        await _calls.IdleAsync();
        Assert.Equal([$"continue {call} crmrouter-queue 103 1", $"continue {call} crmrouter-queue 103 1"], _calls.Ari.CommandsFor(call).Where(c => c.StartsWith("continue ", StringComparison.Ordinal)));
        Assert.Contains($"get {call}", _calls.Ari.Commands);
    }

    [Fact]
    public async Task Route_ContinueKeepsFailingWhileInStasis_RetriedThenSentToTheGlobalFallback()
    {
        _calls.Ari.Throw[$"continue {FirstChannel} crmrouter-queue 103 "] = new AriException(HttpStatusCode.InternalServerError, "POST", "/continue", "boom");

        var call = _calls.StartCall(Gold, "5551000");

        Assert.Equal(FirstChannel, call);
        await _calls.Ari.WaitForAsync(c => c == $"continue {call} crmrouter-queue 500 1");
        Assert.Equal(2, _calls.Ari.CommandsFor(call).Count(c => c == $"continue {call} crmrouter-queue 103 1"));
    }

    [Fact]
    public async Task Route_ContinueFailsAfterTheChannelLeftStasis_NotContinuedAgain()
    {
        var gate = new TaskCompletionSource();
        _calls.Ari.Hold["ring "] = gate;
        _calls.Ari.FailOnce["continue "] = HttpStatusCode.InternalServerError;
        var call = _calls.StartCall(Gold, "5551000");
        await _calls.Ari.WaitForAsync(c => c == $"ring {call}");
        var channel = _calls.Ari.Channels[call];
        _calls.Ari.Channels[call] = channel with { Dialplan = channel.Dialplan with { AppName = "Queue" } };
        gate.SetResult();

        await _calls.IdleAsync();

        Assert.Single(_calls.Ari.CommandsFor(call), c => c.StartsWith("continue ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reconnect_CallFoundInTheAppWithoutSession_DidRuleIsLookedUpAndRouted()
    {
        var channel = "1700000000.77";
        _calls.Ari.Channels[channel] = CallHarness.Channel(channel, Gold, "5551000", "Ring", []);

        _calls.Dispatcher.OnConnected(isReconnect: true);

        Assert.Equal($"continue {channel} crmrouter-queue 103 1", await _calls.ContinuedAsync(channel));
    }

    [Fact]
    public async Task Reconnect_AnsweredIvrCallFoundInTheApp_StopsAPreviousGreetingThenGoesToItsDefault()
    {
        var channel = "1700000000.78";
        _calls.Ari.Channels[channel] = CallHarness.Channel(channel, Gold, "5553000", "Up", []);

        _calls.Dispatcher.OnConnected(isReconnect: false);

        Assert.Equal($"continue {channel} crmrouter-queue 100 1", await _calls.ContinuedAsync(channel));
        Assert.Contains($"var {channel} CRMROUTER_REASON=recovered", _calls.Ari.Commands);
        var commands = _calls.Ari.Commands.ToList();
        var stop = commands.IndexOf($"stop crmrouter-greeting-{channel}");
        Assert.True(stop >= 0, "the greeting a previous router started was not stopped");
        Assert.True(stop < commands.IndexOf($"var {channel} CRMROUTER_RULE=accounts"), "the greeting must stop before the channel is labelled");
        await _calls.IdleAsync();
        Assert.Equal(["Recover->Routing", "Continue->Routed"], _calls.TrailOf(channel));
    }

    [Fact]
    public async Task Sweep_ChannelInTheAppWithoutASession_IsRoutedOnTheSecondSweepOnly()
    {
        await ConnectedAsync();
        var channel = "1700000000.77";
        _calls.Ari.Channels[channel] = CallHarness.Channel(channel, Gold, "5551000", "Ring", []);

        await _calls.Dispatcher.SweepAsync(CancellationToken.None);
        Assert.Empty(_calls.Ari.CommandsFor(channel));

        await _calls.Dispatcher.SweepAsync(CancellationToken.None);
        Assert.Equal($"continue {channel} crmrouter-queue 103 1", await _calls.ContinuedAsync(channel));
    }

    [Fact]
    public async Task Sweep_RoutingFailedAltogether_ALaterSweepRoutesTheCall()
    {
        await ConnectedAsync();
        _calls.Ari.Throw[$"continue {FirstChannel} "] = new HttpRequestException("ARI unreachable");
        var call = _calls.StartCall(Gold, "5551000");
        await _calls.IdleAsync();
        Assert.Contains(_calls.Decisions, d => d.Message.Contains("result=Failed", StringComparison.Ordinal));

        _calls.Ari.Throw.Clear();
        await _calls.Dispatcher.SweepAsync(CancellationToken.None);
        await _calls.Dispatcher.SweepAsync(CancellationToken.None);

        await _calls.Ari.WaitForAsync(c => c == $"continue {call} crmrouter-queue 103 1");
        await _calls.IdleAsync();
        Assert.Equal(2, _calls.Decisions.Count);
    }

    [Fact]
    public async Task Sweep_ChannelWithALiveSession_IsLeftToItsSession()
    {
        await ConnectedAsync();
        var gate = new TaskCompletionSource();
        _calls.Ari.Hold["ring "] = gate;
        var call = _calls.StartCall(Gold, "5551000");
        await _calls.Ari.WaitForAsync(c => c == $"ring {call}");

        await _calls.Dispatcher.SweepAsync(CancellationToken.None);
        await _calls.Dispatcher.SweepAsync(CancellationToken.None);
        gate.SetResult();

        await _calls.IdleAsync();
        Assert.Single(_calls.Ari.CommandsFor(call), c => c.StartsWith("continue ", StringComparison.Ordinal));
    }

    /// <summary>Connects the dispatcher (no calls yet) and waits for its recovery pass, so only the sweeps act.</summary>
    private async Task ConnectedAsync()
    {
        _calls.Dispatcher.OnConnected(isReconnect: false);
        await _calls.Ari.WaitForAsync(c => c.StartsWith("application ", StringComparison.Ordinal));
    }
}
