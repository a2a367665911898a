using System.Net;
using AriCrmRouter.Ari.Events;
using AriCrmRouter.Ari.Rest;

namespace AriCrmRouter.Service.Tests.Stasis;

/// <summary>
/// No call is stranded: a channel that enters the application again right after a continue, labels that cannot be
/// set, a continue that fails while the channel is still in Stasis, and channels in the application without a session.
/// </summary>
public sealed class CallPathTests : FakeCallTests
{
    private const string FirstChannel = "1700000000.1";

    protected override Dictionary<string, string?> Settings => new() { ["Routing:ContinueRetries"] = "1" };

    [Fact]
    public async Task StasisStart_ChannelEntersAgainBeforeItsSessionEnded_IsRoutedByTheRuleItNames()
    {
        var (call, gate) = await GoldCallHeldAtAsync("continue ");
        Assert.Contains($"continue {call} crmrouter-queue 103 1", Calls.Ari.CommandsFor(call));

        // The destination enters Stasis(crmrouter,value) at once: StasisEnd, then a new StasisStart, while the
        // first session still waits for the answer to its continue.
        var channel = Calls.Ari.Channels[call];
        Calls.Send(new StasisEnd { Type = "StasisEnd", Channel = channel });
        var again = channel with { Dialplan = channel.Dialplan with { AppData = "crmrouter,value" } };
        Calls.Ari.Channels[call] = again;
        Calls.Send(new StasisStart { Type = "StasisStart", Channel = again, Args = ["value"] });
        gate.SetResult();

        await Calls.Ari.WaitForAsync(c => c == $"continue {call} crmrouter-recording s 1");
        await Calls.IdleAsync();
        Assert.Equal(2, Calls.Decisions.Count);
    }

    [Fact]
    public async Task StasisStart_SecondStartOfACallInHand_IsIgnored()
    {
        var (call, gate) = await GoldCallHeldAtAsync("ring ");

        Calls.Send(new StasisStart { Type = "StasisStart", Channel = Calls.Ari.Channels[call] });
        gate.SetResult();

        await Calls.IdleAsync();
        Assert.Single(Calls.Ari.CommandsFor(call), c => c.StartsWith("continue ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Route_LabelsCannotBeSet_CallIsStillContinuedToItsDestination()
    {
        Calls.Ari.Throw["var "] = new HttpRequestException("connection reset");

        var call = Calls.StartCall(Gold, "5551000");

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await Calls.ContinuedAsync(call));
    }

    [Fact]
    public async Task Route_ContinueFailsOnceWhileStillInStasis_IsContinuedToItsDestinationOnTheNextAttempt()
    {
        Calls.Ari.FailOnce["continue "] = HttpStatusCode.InternalServerError;

        var call = Calls.StartCall(Gold, "5551000");

        await Calls.IdleAsync();
        Assert.Equal([$"continue {call} crmrouter-queue 103 1", $"continue {call} crmrouter-queue 103 1"], Calls.Ari.CommandsFor(call).Where(c => c.StartsWith("continue ", StringComparison.Ordinal)));
        Assert.Contains($"get {call}", Calls.Ari.Commands);
    }

    [Fact]
    public async Task Route_ContinueKeepsFailingWhileInStasis_RetriedThenSentToTheGlobalFallback()
    {
        Calls.Ari.Throw[$"continue {FirstChannel} crmrouter-queue 103 "] = new AriException(HttpStatusCode.InternalServerError, "POST", "/continue", "boom");

        var call = Calls.StartCall(Gold, "5551000");

        Assert.Equal(FirstChannel, call);
        await Calls.Ari.WaitForAsync(c => c == $"continue {call} crmrouter-queue 500 1");
        Assert.Equal(2, Calls.Ari.CommandsFor(call).Count(c => c == $"continue {call} crmrouter-queue 103 1"));
    }

    [Fact]
    public async Task Route_ContinueFailsAfterTheChannelLeftStasis_NotContinuedAgain()
    {
        Calls.Ari.FailOnce["continue "] = HttpStatusCode.InternalServerError;
        var (call, gate) = await GoldCallHeldAtAsync("ring ");
        var channel = Calls.Ari.Channels[call];
        Calls.Ari.Channels[call] = channel with { Dialplan = channel.Dialplan with { AppName = "Queue" } };
        gate.SetResult();

        await Calls.IdleAsync();

        Assert.Single(Calls.Ari.CommandsFor(call), c => c.StartsWith("continue ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reconnect_CallFoundInTheAppWithoutSession_DidRuleIsLookedUpAndRouted()
    {
        var channel = ChannelWithoutSession("1700000000.77", "5551000", "Ring");

        Calls.Dispatcher.OnConnected(isReconnect: true);

        Assert.Equal($"continue {channel} crmrouter-queue 103 1", await Calls.ContinuedAsync(channel));
    }

    [Fact]
    public async Task Reconnect_AnsweredIvrCallFoundInTheApp_StopsAPreviousGreetingThenGoesToItsDefault()
    {
        var channel = ChannelWithoutSession("1700000000.78", "5553000", "Up");

        Calls.Dispatcher.OnConnected(isReconnect: false);

        await AssertContinuedAsync(channel, "crmrouter-queue 100", "recovered:");
        var commands = Calls.Ari.Commands.ToList();
        var stop = commands.IndexOf($"stop crmrouter-greeting-{channel}");
        Assert.True(stop >= 0, "the greeting a previous router started was not stopped");
        Assert.True(stop < commands.FindIndex(c => c.StartsWith($"var {channel} CRMROUTER_DECISION=", StringComparison.Ordinal)), "the greeting must stop before the channel is labelled");
        await Calls.IdleAsync();
        Assert.Equal(["Recover->Routing", "Continue->Routed"], Calls.TrailOf(channel));
    }

    [Fact]
    public async Task Sweep_ChannelInTheAppWithoutASession_IsRoutedOnTheSecondSweepOnly()
    {
        await ConnectedAsync();
        var channel = ChannelWithoutSession("1700000000.77", "5551000", "Ring");

        await Calls.Dispatcher.SweepAsync(CancellationToken.None);
        Assert.Empty(Calls.Ari.CommandsFor(channel));

        await Calls.Dispatcher.SweepAsync(CancellationToken.None);
        Assert.Equal($"continue {channel} crmrouter-queue 103 1", await Calls.ContinuedAsync(channel));
    }

    [Fact]
    public async Task Sweep_RoutingFailedAltogether_ALaterSweepRoutesTheCall()
    {
        await ConnectedAsync();
        Calls.Ari.Throw[$"continue {FirstChannel} "] = new HttpRequestException("ARI unreachable");
        var call = Calls.StartCall(Gold, "5551000");
        await Calls.IdleAsync();
        Assert.Contains(Calls.Decisions, d => d.Message.Contains("result=Failed", StringComparison.Ordinal));

        Calls.Ari.Throw.Clear();
        await Calls.Dispatcher.SweepAsync(CancellationToken.None);
        await Calls.Dispatcher.SweepAsync(CancellationToken.None);

        await Calls.Ari.WaitForAsync(c => c == $"continue {call} crmrouter-queue 103 1");
        await Calls.IdleAsync();
        Assert.Equal(2, Calls.Decisions.Count);
    }

    [Fact]
    public async Task Sweep_ChannelWithALiveSession_IsLeftToItsSession()
    {
        await ConnectedAsync();
        var (call, gate) = await GoldCallHeldAtAsync("ring ");

        await Calls.Dispatcher.SweepAsync(CancellationToken.None);
        await Calls.Dispatcher.SweepAsync(CancellationToken.None);
        gate.SetResult();

        await Calls.IdleAsync();
        Assert.Single(Calls.Ari.CommandsFor(call), c => c.StartsWith("continue ", StringComparison.Ordinal));
    }

    /// <summary>Connects the dispatcher (no calls yet) and waits for its recovery pass, so only the sweeps act.</summary>
    private async Task ConnectedAsync()
    {
        Calls.Dispatcher.OnConnected(isReconnect: false);
        await Calls.Ari.WaitForAsync(c => c.StartsWith("application ", StringComparison.Ordinal));
    }

    /// <summary>A caller's channel already in the application that no session of this router knows (its StasisStart was lost).</summary>
    private string ChannelWithoutSession(string id, string did, string state)
    {
        Calls.Ari.Channels[id] = CallHarness.Channel(id, Gold, did, state, []);
        return id;
    }

    /// <summary>Starts a gold caller's call to the VIP DID and waits until it sends <paramref name="command"/>, whose answer then waits for the gate.</summary>
    private async Task<(string Call, TaskCompletionSource Gate)> GoldCallHeldAtAsync(string command)
    {
        var gate = new TaskCompletionSource();
        Calls.Ari.Hold[command] = gate;
        var call = Calls.StartCall(Gold, "5551000");
        await Calls.Ari.WaitForAsync(c => c.StartsWith(command + call, StringComparison.Ordinal));
        return (call, gate);
    }
}
