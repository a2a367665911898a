using System.Net;
using AriCrmRouter.Ari.Rest;
using AriCrmRouter.Routing.Rules;
using AriCrmRouter.Service.Tests.Fakes;
using AriCrmRouter.TestKit.Crm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AriCrmRouter.Service.Tests.Stasis;

public sealed class CallFlowTests : IAsyncLifetime
{
    private const string Gold = "+14155550100";
    private const string Silver = "+14155550101";
    private const string BigSpender = "+14155550102";
    private const string Unknown = "+14155550199";

    private RouterHarness _router = null!;

    public async Task InitializeAsync()
    {
        _router = await RouterHarness.StartAsync(SampleRules);
        SeedCrm(_router.Crm);
    }

    public async Task DisposeAsync() => await _router.DisposeAsync();

    [Fact]
    public async Task DidCall_GoldCustomer_RingsWithoutAnsweringAndContinuesToTheMatchingQueue()
    {
        var call = _router.StartCall(Gold, "5551000");

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _router.ContinuedAsync(call));
        var commands = _router.Ari.CommandsFor(call).ToList();
        Assert.Equal($"ring {call}", commands[0]);
        Assert.DoesNotContain($"answer {call}", commands);
        Assert.Contains($"var {call} CRMROUTER_RULE=vip", commands);
        Assert.Contains($"var {call} CRMROUTER_TARGET=103", commands);
        Assert.Contains($"var {call} CRMROUTER_REASON=row-matched", commands);
    }

    [Fact]
    public async Task DidCall_SecondRowMatches_FirstMatchingRowWins()
    {
        var call = _router.StartCall(Silver, "5551000");

        Assert.Equal($"continue {call} crmrouter-ivr 200 1", await _router.ContinuedAsync(call));
    }

    [Fact]
    public async Task DidCall_NumericRule_ComparesNumbers()
    {
        var call = _router.StartCall(BigSpender, "5552000");

        Assert.Equal($"continue {call} crmrouter-extension 201 1", await _router.ContinuedAsync(call));
    }

    [Fact]
    public async Task DidCall_RecordingDestination_ContinuesToTheRecordingContextWithTheTargetInAVariable()
    {
        _router.Crm.Add("+14155550103", ("lifetime_value", "12"));

        var call = _router.StartCall("+14155550103", "5552000");

        Assert.Equal($"continue {call} crmrouter-recording s 1", await _router.ContinuedAsync(call));
        Assert.Contains($"var {call} CRMROUTER_TARGET=custom/goodbye", _router.Ari.CommandsFor(call));
    }

    [Fact]
    public async Task DidCall_UnknownCaller_GoesToTheDefaultDestination()
    {
        var call = _router.StartCall(Unknown, "5551000");

        Assert.Equal($"continue {call} crmrouter-queue 100 1", await _router.ContinuedAsync(call));
        Assert.Contains($"var {call} CRMROUTER_REASON=value-not-found", _router.Ari.CommandsFor(call));
    }

    [Fact]
    public async Task DidCall_NoRowMatchesAndDefaultVoicemailYes_GoesToTheDefaultsVoicemail()
    {
        _router.Crm.Add("+14155550104", ("lifetime_value", "500"));

        var call = _router.StartCall("+14155550104", "5552000");

        Assert.Equal($"continue {call} crmrouter-voicemail 200 1", await _router.ContinuedAsync(call));
        Assert.Contains($"var {call} CRMROUTER_REASON=no-row-matched", _router.Ari.CommandsFor(call));
    }

    [Theory]
    [InlineData(FakeCrmMode.Down)]
    [InlineData(FakeCrmMode.Garbage)]
    [InlineData(FakeCrmMode.Slow)]
    public async Task DidCall_CrmUnusable_GoesToTheDefaultDestination(FakeCrmMode mode)
    {
        _router.Crm.Mode = mode;

        var call = _router.StartCall(Gold, "5551000");

        Assert.Equal($"continue {call} crmrouter-queue 100 1", await _router.ContinuedAsync(call));
        Assert.Contains($"var {call} CRMROUTER_REASON=lookup-failed", _router.Ari.CommandsFor(call));
    }

    [Fact]
    public async Task Call_DidWithoutRule_GoesToTheGlobalFallbackAndWarns()
    {
        var call = _router.StartCall(Gold, "5559999");

        Assert.Equal($"continue {call} crmrouter-queue 500 1", await _router.ContinuedAsync(call));
        Assert.Contains($"var {call} CRMROUTER_REASON=rule-not-found", _router.Ari.CommandsFor(call));
        await _router.IdleAsync();
        Assert.Contains(_router.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("no rule for DID '5559999'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Call_StasisArgumentNamesARule_UsesThatRule()
    {
        var call = _router.StartCall(Gold, "s", "vip");

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _router.ContinuedAsync(call));
    }

    [Fact]
    public async Task IvrCall_DtmfDuringGreeting_StopsTheGreetingKeepsTheDigitsAndLooksUpByThem()
    {
        var call = _router.StartCall(Unknown, "5553000");
        var play = await _router.Ari.WaitForAsync(c => c.StartsWith($"play {call} ", StringComparison.Ordinal));
        var playbackId = play.Split(' ')[2];
        Assert.EndsWith("sound:enter-account", play, StringComparison.Ordinal);
        Assert.Contains($"answer {call}", _router.Ari.CommandsFor(call));

        foreach (var digit in "12345#")
        {
            _router.Dtmf(call, digit);
        }

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _router.ContinuedAsync(call));
        Assert.Contains($"stop {playbackId}", _router.Ari.Commands);
        Assert.Contains(_router.Crm.Requests, r => r.Query.Contains("dtmf=12345&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IvrCall_DtmfAfterTheGreeting_IsCollectedUntilMaxDigits()
    {
        var call = _router.StartCall(Unknown, "5553000");
        var playbackId = (await _router.Ari.WaitForAsync(c => c.StartsWith($"play {call} ", StringComparison.Ordinal))).Split(' ')[2];

        _router.PlaybackFinished(call, playbackId);
        foreach (var digit in "123456")
        {
            _router.Dtmf(call, digit);
        }

        await _router.ContinuedAsync(call);
        Assert.Contains(_router.Crm.Requests, r => r.Query.Contains("dtmf=123456&", StringComparison.Ordinal));
        Assert.DoesNotContain($"stop {playbackId}", _router.Ari.Commands);
    }

    [Fact]
    public async Task Call_CallerHangsUpDuringLookup_IsNotRoutedAndLogsNoError()
    {
        _router.Crm.Mode = FakeCrmMode.Slow;
        _router.Crm.SlowDelay = TimeSpan.FromSeconds(1.5);
        var call = _router.StartCall(Gold, "5551000");
        await _router.Ari.WaitForAsync(c => c == $"ring {call}");
        await WaitForCrmRequestAsync();

        _router.HangUp(call);
        await _router.IdleAsync();

        Assert.DoesNotContain(_router.Ari.CommandsFor(call), c => c.StartsWith("continue", StringComparison.Ordinal));
        Assert.DoesNotContain(_router.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
        Assert.Empty(_router.Decisions);
    }

    [Fact]
    public async Task Call_CallerHangsUpDuringGreeting_EndsQuietly()
    {
        var call = _router.StartCall(Gold, "5553000");
        await _router.Ari.WaitForAsync(c => c.StartsWith($"play {call} ", StringComparison.Ordinal));

        _router.HangUp(call);
        await _router.IdleAsync();

        Assert.DoesNotContain(_router.Ari.CommandsFor(call), c => c.StartsWith("continue", StringComparison.Ordinal));
        Assert.DoesNotContain(_router.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
        Assert.Empty(_router.Crm.Requests);
    }

    [Fact]
    public async Task Call_RingAnswers404_TreatsTheCallerAsGone()
    {
        var channel = "1700000000.404";
        _router.Ari.FailOnce[$"ring {channel}"] = HttpStatusCode.NotFound;
        _router.Ari.Channels[channel] = RouterHarness.Channel(channel, Gold, "5551000", "Ring", []);

        _router.Send(new AriCrmRouter.Ari.Events.StasisStart { Type = "StasisStart", Channel = _router.Ari.Channels[channel] });
        await _router.IdleAsync();

        Assert.DoesNotContain(_router.Ari.CommandsFor(channel), c => c.StartsWith("continue", StringComparison.Ordinal));
        Assert.DoesNotContain(_router.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Call_UnexpectedFailureInTheFlow_FailsOpenToTheDefaultDestination()
    {
        _router.Ari.Throw["ring "] = new InvalidOperationException("boom");

        var call = _router.StartCall(Gold, "5551000");

        Assert.Equal($"continue {call} crmrouter-queue 100 1", await _router.ContinuedAsync(call));
        Assert.Contains($"var {call} CRMROUTER_REASON=internal-error", _router.Ari.CommandsFor(call));
    }

    [Fact]
    public async Task Call_ContinueFailsOnceWhileStillInStasis_IsContinuedToItsDestinationOnTheNextAttempt()
    {
        _router.Ari.FailOnce["continue "] = HttpStatusCode.InternalServerError;

        var call = _router.StartCall(Gold, "5551000");

        await _router.IdleAsync();
        Assert.Equal([$"continue {call} crmrouter-queue 103 1", $"continue {call} crmrouter-queue 103 1"], _router.Ari.CommandsFor(call).Where(c => c.StartsWith("continue ", StringComparison.Ordinal)));
        Assert.Contains($"get {call}", _router.Ari.Commands);
    }

    [Fact]
    public async Task Call_Routed_WritesExactlyOneDecisionLineWithMaskedKey()
    {
        var call = _router.StartCall(Gold, "5551000");
        await _router.ContinuedAsync(call);
        await _router.IdleAsync();

        var decision = Assert.Single(_router.Decisions);
        Assert.Contains("rule=vip", decision.Message, StringComparison.Ordinal);
        Assert.Contains("key=********0100", decision.Message, StringComparison.Ordinal);
        Assert.Contains("value=GOLD", decision.Message, StringComparison.Ordinal);
        Assert.Contains("row=1", decision.Message, StringComparison.Ordinal);
        Assert.Contains("destination=queue:103", decision.Message, StringComparison.Ordinal);
        Assert.Contains("cache=miss", decision.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4155550100", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_FiftyConcurrent_EachLandsWhereTheRulesSay()
    {
        var calls = Enumerable.Range(0, 50).Select(i => (Caller: (i % 3) switch { 0 => Gold, 1 => Silver, _ => Unknown }, Id: "")).ToList();
        calls = [.. calls.Select(c => c with { Id = _router.StartCall(c.Caller, "5551000") })];

        foreach (var (caller, id) in calls)
        {
            var expected = caller == Gold ? "crmrouter-queue 103" : caller == Silver ? "crmrouter-ivr 200" : "crmrouter-queue 100";
            Assert.Equal($"continue {id} {expected} 1", await _router.ContinuedAsync(id));
        }

        await _router.IdleAsync();
        Assert.Equal(50, _router.Decisions.Count);
    }

    [Fact]
    public async Task Reconnect_CallFoundInTheAppWithoutSession_DidRuleIsLookedUpAndRouted()
    {
        var channel = "1700000000.77";
        _router.Ari.Channels[channel] = RouterHarness.Channel(channel, Gold, "5551000", "Ring", []);

        _router.Dispatcher.OnConnected(isReconnect: true);

        Assert.Equal($"continue {channel} crmrouter-queue 103 1", await _router.ContinuedAsync(channel));
    }

    [Fact]
    public async Task Reconnect_AnsweredIvrCallFoundInTheApp_GoesToItsDefaultDestination()
    {
        var channel = "1700000000.78";
        _router.Ari.Channels[channel] = RouterHarness.Channel(channel, Gold, "5553000", "Up", []);

        _router.Dispatcher.OnConnected(isReconnect: true);

        Assert.Equal($"continue {channel} crmrouter-queue 100 1", await _router.ContinuedAsync(channel));
        Assert.Contains($"var {channel} CRMROUTER_REASON=recovered", _router.Ari.Commands);
    }

    [Fact]
    public async Task Reconnect_RecoveredCall_StopsTheGreetingAPreviousRouterStartedBeforeRoutingIt()
    {
        var channel = "1700000000.79";
        _router.Ari.Channels[channel] = RouterHarness.Channel(channel, Gold, "5553000", "Up", []);

        _router.Dispatcher.OnConnected(isReconnect: false);
        await _router.ContinuedAsync(channel);

        var commands = _router.Ari.CommandsFor(channel).ToList();
        var stop = _router.Ari.Commands.ToList().IndexOf($"stop crmrouter-greeting-{channel}");
        Assert.True(stop >= 0, "the greeting a previous router started was not stopped");
        Assert.True(stop < _router.Ari.Commands.ToList().IndexOf($"var {channel} CRMROUTER_RULE=accounts"), "the greeting must stop before the channel is labelled");
        Assert.NotEmpty(commands);
    }

    [Fact]
    public async Task Reconnect_LiveCallWaitingForAGreeting_StopsTheGreetingAndCarriesOn()
    {
        var call = _router.StartCall(Gold, "5553000");
        var playbackId = (await _router.Ari.WaitForAsync(c => c.StartsWith($"play {call} ", StringComparison.Ordinal))).Split(' ')[2];

        _router.Dispatcher.OnConnected(isReconnect: true);
        await _router.Ari.WaitForAsync(c => c == $"stop {playbackId}");
        _router.Dtmf(call, '#');

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _router.ContinuedAsync(call));
    }

    [Fact]
    public async Task Drain_NewCallWhileShuttingDown_GoesStraightToItsDefaultWithoutLookup()
    {
        _router.Dispatcher.BeginDrain();

        var call = _router.StartCall(Gold, "5551000");

        Assert.Equal($"continue {call} crmrouter-queue 100 1", await _router.ContinuedAsync(call));
        Assert.Contains($"var {call} CRMROUTER_REASON=shutting-down", _router.Ari.CommandsFor(call));
        Assert.Empty(_router.Crm.Requests);
    }

    [Fact]
    public async Task Drain_CallStillCollectingDtmfAtTheDrainTimeout_IsSentToItsDefault()
    {
        var call = _router.StartCall(Gold, "5553000");
        await _router.Ari.WaitForAsync(c => c.StartsWith($"play {call} ", StringComparison.Ordinal));

        await _router.Dispatcher.DrainAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None);

        Assert.Equal($"continue {call} crmrouter-queue 100 1", await _router.ContinuedAsync(call));
        Assert.Equal(0, _router.Dispatcher.ActiveCalls);
    }

    private async Task WaitForCrmRequestAsync()
    {
        for (var i = 0; i < 500 && _router.Crm.Requests.Count == 0; i++)
        {
            await Task.Delay(10);
        }
    }

    internal static void SeedCrm(FakeCustomCrm crm)
    {
        crm.Add(Gold, ("status", "GOLD"), ("lifetime_value", "50"));
        crm.Add(Silver, ("status", "silver"));
        crm.Add(BigSpender, ("status", "BRONZE"), ("lifetime_value", "1250.00"));
        crm.Add("12345", ("status", "GOLD"));
        crm.Add("123456", ("status", "GOLD"));
    }

    internal static RuleSet SampleRules(Uri crmUrl)
    {
        var crm = new CustomCrmSource(crmUrl, false, new Dictionary<string, string>());
        var fast = new LookupSettings { Timeout = TimeSpan.FromSeconds(3) }; // generous: a loaded CI machine must not turn a GOLD answer into a timeout
        Rule[] rules =
        [
            new()
            {
                Name = "vip",
                CrmField = "status",
                Location = RuleLocation.Did,
                Crm = crm,
                DefaultDestination = new Destination(DestinationType.Queue, "100"),
                Rows =
                [
                    new RuleRow(ComparisonOperator.Equal, "GOLD", new Destination(DestinationType.Queue, "103")),
                    new RuleRow(ComparisonOperator.Equal, "SILVER", new Destination(DestinationType.Ivr, "200")),
                ],
                Lookup = fast,
            },
            new()
            {
                Name = "value",
                CrmField = "lifetime_value",
                Location = RuleLocation.Did,
                Crm = crm,
                DefaultDestination = new Destination(DestinationType.Extension, "200"),
                DefaultVoicemail = VoicemailPreference.Yes,
                Rows =
                [
                    new RuleRow(ComparisonOperator.GreaterThanOrEqual, "1000", new Destination(DestinationType.Extension, "201")),
                    new RuleRow(ComparisonOperator.LessThan, "100", new Destination(DestinationType.Recording, "custom/goodbye")),
                ],
                Lookup = fast,
            },
            new()
            {
                Name = "accounts",
                CrmField = "status",
                Location = RuleLocation.Ivr,
                Greeting = "enter-account",
                Crm = crm,
                DefaultDestination = new Destination(DestinationType.Queue, "100"),
                Rows = [new RuleRow(ComparisonOperator.Equal, "GOLD", new Destination(DestinationType.Queue, "103"))],
                Dtmf = new DtmfSettings { MaxDigits = 6, FirstDigitTimeout = TimeSpan.FromSeconds(30), InterDigitTimeout = TimeSpan.FromSeconds(30) },
                Lookup = fast,
            },
        ];
        return new RuleSet(rules, new Dictionary<string, string> { ["5551000"] = "vip", ["5552000"] = "value", ["5553000"] = "accounts" });
    }
}
