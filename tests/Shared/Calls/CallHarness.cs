using AriCrmRouter.Ari;
using AriCrmRouter.Ari.Events;
using AriCrmRouter.Ari.Models;
using AriCrmRouter.Ari.Rest;
using AriCrmRouter.Routing.Rules;
using AriCrmRouter.Service;
using AriCrmRouter.Service.Hosting;
using AriCrmRouter.Service.Servers;
using AriCrmRouter.Service.Stasis.Dispatch;
using AriCrmRouter.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AriCrmRouter.Tests.Calls;

/// <summary>
/// The router's call handling as composed in production (<c>AddCallHandling</c>: dispatcher, sessions, recovery,
/// routing) over a scripted ARI client, on the given clock, with the CRM lookup the test adds.
/// </summary>
internal sealed class CallHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private int _nextChannel;

    private CallHarness(ServiceProvider provider) => _provider = provider;

    public ScriptedAriClient Ari => (ScriptedAriClient)_provider.GetRequiredService<IAriClient>();

    public StaticRuleSetProvider Rules => (StaticRuleSetProvider)_provider.GetRequiredService<IRuleSetProvider>();

    /// <summary>The dispatcher of the one (default) Asterisk server, in its scope as production builds it.</summary>
    public CallDispatcher Dispatcher => _provider.GetRequiredService<AriServers>().All[0].Dispatcher;

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public IReadOnlyList<FakeLogRecord> Decisions => [.. Logs.GetSnapshot().Where(r => r.Id.Id == 2001)];

    /// <param name="addLookup">Registers the <c>ICrmLookup</c> the calls use.</param>
    public static CallHarness Start(RuleSet rules, TimeProvider clock, Action<IServiceCollection, IConfiguration> addLookup, Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddFakeLogging());
        services.AddSingleton(clock);
        services.AddSingleton<IAriClient, ScriptedAriClient>();
        services.AddSingleton<IRuleSetProvider>(new StaticRuleSetProvider(rules));
        services.AddOptions<AriOptions>();
        services.AddRouterOptions(configuration);
        addLookup(services, configuration);
        services.AddCallHandling();
        return new CallHarness(services.BuildServiceProvider());
    }

    /// <summary>A call enters Stasis: returns its channel id.</summary>
    public string StartCall(string caller, string exten, params string[] args)
    {
        var id = $"1700000000.{Interlocked.Increment(ref _nextChannel)}";
        var channel = Channel(id, caller, exten, "Ring", args);
        Ari.Channels[id] = channel;
        Send(new StasisStart { Type = "StasisStart", Channel = channel, Args = args });
        return id;
    }

    public void Send(AriEvent ariEvent) => Dispatcher.OnEvent(ariEvent);

    public void Dtmf(string channelId, char digit) =>
        Send(new ChannelDtmfReceived { Type = "ChannelDtmfReceived", Channel = Ari.Channels[channelId], Digit = digit.ToString() });

    public void PlaybackFinished(string channelId, string playbackId, string state = "done") =>
        Send(new PlaybackFinished { Type = "PlaybackFinished", Playback = new Playback { Id = playbackId, TargetUri = $"channel:{channelId}", State = state } });

    public void HangUp(string channelId)
    {
        Ari.Channels.TryRemove(channelId, out var channel);
        channel ??= Channel(channelId, "", "", "Up", []);
        Send(new ChannelHangupRequest { Type = "ChannelHangupRequest", Channel = channel, Cause = 16 });
        Send(new StasisEnd { Type = "StasisEnd", Channel = channel });
    }

    /// <summary>The call's transitions so far, as "Transition->State" (event 2005).</summary>
    public IReadOnlyList<string> TrailOf(string channelId) =>
    [
        .. Logs.GetSnapshot()
            .Where(r => r.Id.Id == 2005 && r.GetStructuredStateValue("ChannelId") == channelId)
            .Select(r => $"{r.GetStructuredStateValue("Transition")}->{r.GetStructuredStateValue("To")}"),
    ];

    /// <summary>Waits for the call's greeting to start; returns its playback id.</summary>
    public async Task<string> GreetingStartedAsync(string channelId) =>
        (await Ari.WaitForAsync(c => c.StartsWith($"play {channelId} ", StringComparison.Ordinal))).Split(' ')[2];

    public Task<string> ContinuedAsync(string channelId) => Ari.WaitForAsync(c => c.StartsWith($"continue {channelId} ", StringComparison.Ordinal));

    /// <summary>Waits until the dispatcher holds no call (every flow finished).</summary>
    public async Task IdleAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Dispatcher.ActiveCalls > 0 && !limit.IsCancellationRequested)
        {
            await Task.Yield();
            await Task.Delay(5, CancellationToken.None);
        }

        Assert.Equal(0, Dispatcher.ActiveCalls);
    }

    public static Channel Channel(string id, string caller, string exten, string state, string[] args) => new()
    {
        Id = id,
        Name = $"PJSIP/trunk-{id}",
        State = state,
        Caller = new CallerId { Number = caller },
        Dialplan = new DialplanLocation { Context = "from-trunk", Exten = exten, Priority = 2, AppName = "Stasis", AppData = string.Join(',', ["crmrouter", .. args]) },
    };

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
