using AriCrmRouter.Ari;
using AriCrmRouter.Ari.Events;
using AriCrmRouter.Ari.Models;
using AriCrmRouter.Ari.Rest;
using AriCrmRouter.Crm;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Crm.Lookup;
using AriCrmRouter.Routing.Rules;
using AriCrmRouter.Service.Destinations;
using AriCrmRouter.Service.Stasis;
using AriCrmRouter.Storage;
using AriCrmRouter.TestKit.Crm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AriCrmRouter.Service.Tests.Fakes;

/// <summary>The router's call handling (dispatcher, sessions, lookups, routing) over a scripted ARI client and a real HTTPS fake CRM.</summary>
internal sealed class RouterHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly TestCertificates _certificates;
    private readonly string _directory;
    private int _nextChannel;

    private RouterHarness(ServiceProvider provider, FakeCustomCrm crm, TestCertificates certificates, string directory, StaticRuleSetProvider rules)
    {
        _provider = provider;
        Crm = crm;
        _certificates = certificates;
        _directory = directory;
        Rules = rules;
    }

    public ScriptedAriClient Ari => (ScriptedAriClient)_provider.GetRequiredService<IAriClient>();

    public FakeCustomCrm Crm { get; }

    public StaticRuleSetProvider Rules { get; }

    public CallDispatcher Dispatcher => _provider.GetRequiredService<CallDispatcher>();

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public static async Task<RouterHarness> StartAsync(Func<Uri, RuleSet> rules, TimeProvider? time = null, Dictionary<string, string?>? settings = null)
    {
        var certificates = TestCertificates.Create();
        var directory = Directory.CreateTempSubdirectory("crmrouter-router-").FullName;
        var crm = await FakeCustomCrm.StartAsync(certificates);
        settings ??= [];
        settings["Crm:ExtraTrustedCaFile"] = certificates.WriteAuthorityPem(directory);
        settings.TryAdd("Crm:AllowedPrivateNetworks", "127.0.0.0/8"); // the fake CRM listens on loopback
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var ruleProvider = new StaticRuleSetProvider(rules(crm.LookupUrl));

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddFakeLogging());
        services.AddSingleton(TimeProvider.System); // CRM deadlines run on real time; call timers on the given clock
        var callClock = time ?? TimeProvider.System;
        services.AddSingleton<IAriClient, ScriptedAriClient>();
        services.AddSingleton<IRuleSetProvider>(ruleProvider);
        services.AddSingleton<ICrmAnswerCache, InMemoryAnswerCache>();
        services.AddSingleton<ICrmConnectionSource>(new FixedConnectionSource());
        services.AddOptions<AriOptions>();
        services.AddOptions<RouterOptions>().Bind(configuration.GetSection(RouterOptions.SectionName));
        services.AddCrmLookups(configuration);
        services.AddSingleton<DestinationRouter>();
        services.AddSingleton(sp => new CallServices(
            sp.GetRequiredService<IAriClient>(),
            sp.GetRequiredService<IRuleSetProvider>(),
            sp.GetRequiredService<CrmLookupService>(),
            sp.GetRequiredService<DestinationRouter>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RouterOptions>>(),
            callClock,
            sp.GetRequiredService<ILogger<CallSession>>()));
        services.AddSingleton<CallDispatcher>();
        return new RouterHarness(services.BuildServiceProvider(), crm, certificates, directory, ruleProvider);
    }

    /// <summary>A call enters Stasis: returns its channel id.</summary>
    public string StartCall(string caller, string exten, params string[] args)
    {
        var id = $"1700000000.{Interlocked.Increment(ref _nextChannel)}";
        var channel = Channel(id, caller, exten, "Ring", args);
        Ari.Channels[id] = channel;
        Dispatcher.OnEvent(new StasisStart { Type = "StasisStart", Channel = channel, Args = args });
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

    public Task<string> ContinuedAsync(string channelId) => Ari.WaitForAsync(c => c.StartsWith($"continue {channelId} ", StringComparison.Ordinal));

    /// <summary>Waits until the dispatcher holds no call (every flow finished).</summary>
    public async Task IdleAsync()
    {
        for (var i = 0; i < 500 && Dispatcher.ActiveCalls > 0; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(0, Dispatcher.ActiveCalls);
    }

    public IReadOnlyList<FakeLogRecord> Decisions => [.. Logs.GetSnapshot().Where(r => r.Id.Id == 2001)];

    public static Channel Channel(string id, string caller, string exten, string state, string[] args) => new()
    {
        Id = id,
        Name = $"PJSIP/trunk-{id}",
        State = state,
        Caller = new CallerId { Number = caller },
        Dialplan = new DialplanLocation { Context = "from-trunk", Exten = exten, Priority = 2, AppName = "Stasis", AppData = string.Join(',', ["crmrouter", .. args]) },
    };

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Crm.DisposeAsync();
        _certificates.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
