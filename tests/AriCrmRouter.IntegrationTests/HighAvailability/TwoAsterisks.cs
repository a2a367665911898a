using AriCrmRouter.TestKit.Ari;
using Microsoft.Extensions.Time.Testing;

namespace AriCrmRouter.IntegrationTests.HighAvailability;

/// <summary>
/// Two fake Asterisk servers for one router stack: pbx1 is the stack's own fake ARI, pbx2 a second one. Both share one
/// clock, so their channel ids coincide (as two real servers' may). The rules are <see cref="RuleJson.Vip"/>.
/// </summary>
internal sealed class TwoAsterisks : IAsyncDisposable
{
    public TwoAsterisks() =>
        Stack = new LiveRouter { AriClock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 20, 0, 0, TimeSpan.Zero)) };

    public LiveRouter Stack { get; }

    public FakeAriServer Pbx1 => Stack.Ari;

    public FakeAriServer Pbx2 { get; private set; } = null!;

    /// <summary>Starts the stack and pbx2 and imports the rules; the router is started by the test, with <see cref="Settings"/>.</summary>
    public async Task StartAsync(bool servePeerApplications = false)
    {
        await Stack.InitializeAsync();
        Pbx2 = await FakeAriServer.StartAsync("crmrouter", "pbx2-Pa55word", "crmrouter", Stack.AriClock);
        if (servePeerApplications)
        {
            Pbx1.ServesPeerApplications = true;
            Pbx2.ServesPeerApplications = true;
        }

        await Stack.ImportRulesAsync(RuleJson.Vip());
    }

    /// <summary>The settings of a router serving both servers (<c>Ari:Servers</c>: pbx1, pbx2) instead of <c>Ari:BaseUrl</c>.</summary>
    public Dictionary<string, string?> Settings(string application = "crmrouter")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ari:BaseUrl"] = null,
            ["Ari:Username"] = null,
            ["Ari:Password"] = null,
            ["Ari:Application"] = application,
        };
        foreach (var (index, name, server) in new[] { (0, "pbx1", Pbx1), (1, "pbx2", Pbx2) })
        {
            settings[$"Ari:Servers:{index}:Name"] = name;
            settings[$"Ari:Servers:{index}:BaseUrl"] = server.BaseUri.ToString();
            settings[$"Ari:Servers:{index}:Username"] = server.Username;
            settings[$"Ari:Servers:{index}:Password"] = server.Password;
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await Stack.DisposeAsync();
        if (Pbx2 is not null)
        {
            await Pbx2.DisposeAsync();
        }
    }
}
