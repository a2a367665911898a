using AriCrmRouter.Service.Servers;
using static AriCrmRouter.Service.Tests.Options.OptionsHarness;

namespace AriCrmRouter.Service.Tests.Options;

/// <summary>
/// <c>Ari:Servers</c> as the router reads it: a list of named servers, or (empty) the one server of the top-level
/// <c>Ari:BaseUrl/Username/Password</c>, named <c>default</c>; both at once stops the start with a clear message.
/// </summary>
public sealed class AriServersOptionsTests
{
    private static readonly (string, string)[] TwoServers =
    [
        ("Ari:Servers:0:Name", "pbx1"), ("Ari:Servers:0:BaseUrl", "http://10.0.0.21:8088/ari"),
        ("Ari:Servers:0:Username", "router1"), ("Ari:Servers:0:Password", "secret-1"),
        ("Ari:Servers:1:Name", "pbx2"), ("Ari:Servers:1:BaseUrl", "http://10.0.0.22:8088/ari"),
        ("Ari:Servers:1:Username", "router2"), ("Ari:Servers:1:Password", "secret-2"),
    ];

    [Fact]
    public void Validate_NoServersListed_TheTopLevelServerIsTheOneNamedDefault()
    {
        using var provider = Build(("Ari:BaseUrl", "http://10.0.0.9:8088/ari"), ("Ari:Username", "u"), ("Ari:Password", "p"));

        var server = Assert.Single(provider.GetRequiredService<AriServers>().All);

        Assert.Equal(AriServerOptions.DefaultName, server.Name);
        var options = Read<AriOptions>(provider).EffectiveServers().Single();
        Assert.Equal(("default", new Uri("http://10.0.0.9:8088/ari"), "u", "p"), (options.Name, options.BaseUrl, options.Username, options.Password));
    }

    [Fact]
    public void Validate_NoServersAndNoBaseUrl_UsesTheLocalAsteriskAsBefore()
    {
        using var provider = Build(("Ari:Username", "u"), ("Ari:Password", "p"));

        var server = Read<AriOptions>(provider).EffectiveServers().Single();

        Assert.Equal(new Uri("http://127.0.0.1:8088/ari"), server.BaseUrl);
    }

    [Fact]
    public void Validate_TwoServersListed_EachHasItsOwnAddressAndCredentialsAndTheSharedSettings()
    {
        using var provider = Build([.. TwoServers, ("Ari:Application", "crmrouter-a"), ("Ari:RequestTimeout", "00:00:02")]);
        var ari = Read<AriOptions>(provider);

        var perServer = ari.EffectiveServers().Select(ari.ForServer).ToList();

        Assert.Equal(["pbx1", "pbx2"], provider.GetRequiredService<AriServers>().All.Select(s => s.Name));
        Assert.Equal(
            [("pbx1", "10.0.0.21", "router1", "secret-1"), ("pbx2", "10.0.0.22", "router2", "secret-2")],
            perServer.Select(o => (o.ServerName, o.BaseUrl.Host, o.Username, o.Password)));
        Assert.All(perServer, o => Assert.Equal(("crmrouter-a", TimeSpan.FromSeconds(2)), (o.Application, o.RequestTimeout)));
        Assert.All(perServer, o => Assert.Empty(o.Servers));
    }

    [Theory]
    [InlineData("src/AriCrmRouter.Service/appsettings.json")]
    [InlineData("scripts/install/appsettings.json")]
    public void Validate_ShippedSettingsPlusServersFromTheEnvironment_AreValid(string shipped)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot.Directory, shipped), optional: false)
            .AddInMemoryCollection(TwoServers.Select(s => new KeyValuePair<string, string?>(s.Item1, s.Item2)))
            .Build();
        var services = new ServiceCollection().AddLogging().AddAriClient(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(["pbx1", "pbx2"], Read<AriOptions>(provider).EffectiveServers().Select(s => s.Name));
    }

    [Fact]
    public void Validate_NoUsernameGiven_TheOneServerLogsInAsCrmrouter()
    {
        using var provider = Build(("Ari:Password", "p"));

        Assert.Equal("crmrouter", Read<AriOptions>(provider).EffectiveServers().Single().Username);
    }

    [Fact]
    public void Validate_ServersWithoutCredentials_UseTheTopLevelUsernameAndPassword()
    {
        using var provider = Build(
            ("Ari:Username", "crmrouter"), ("Ari:Password", "shared-secret"),
            ("Ari:Servers:0:Name", "pbx1"), ("Ari:Servers:0:BaseUrl", "http://10.0.0.21:8088/ari"),
            ("Ari:Servers:1:Name", "pbx2"), ("Ari:Servers:1:BaseUrl", "http://10.0.0.22:8088/ari"), ("Ari:Servers:1:Password", "own-secret"));
        var ari = Read<AriOptions>(provider);

        var perServer = ari.EffectiveServers().Select(ari.ForServer).ToList();

        Assert.Equal([("pbx1", "crmrouter", "shared-secret"), ("pbx2", "crmrouter", "own-secret")], perServer.Select(o => (o.ServerName, o.Username, o.Password)));
    }

    /// <summary>The two servers plus one bad setting (a null value leaves the key out of the second server).</summary>
    [Theory]
    [InlineData("Ari:BaseUrl", "http://10.0.0.9:8088/ari", "Ari:Servers and Ari:BaseUrl are both given")]
    [InlineData("Ari:Servers:1:Name", "PBX1", "names must be unique: 'pbx1'")]
    [InlineData("Ari:Servers:1:Name", "pbx 2", "Name")]
    [InlineData("Ari:Servers:1:Name", "pbx:2", "Name")]
    [InlineData("Ari:Servers:1:Name", "", "Name")]
    [InlineData("Ari:Servers:1:Password", "", "Password")]
    [InlineData("Ari:Servers:1:BaseUrl", null, "BaseUrl")]
    public void Validate_TwoServersPlusABadSetting_FailsNamingTheProblem(string key, string? value, string expected)
    {
        using var provider = value is null ? Build([.. TwoServers.Where(s => s.Item1 != key)]) : Build([.. TwoServers, (key, value)]);

        AssertInvalid(() => Read<AriOptions>(provider), expected);
    }

    [Fact]
    public void ToString_ServerOptions_NeverShowsThePassword()
    {
        using var provider = Build(TwoServers);
        var ari = Read<AriOptions>(provider);

        var texts = ari.EffectiveServers().Select(s => s.ToString()).Concat(ari.EffectiveServers().Select(s => ari.ForServer(s).ToString()));

        Assert.All(texts, text => Assert.DoesNotContain("secret", text, StringComparison.Ordinal));
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings) =>
        OptionsHarness.Build((services, configuration) => services.AddAriClient(configuration).AddCallHandling(), settings);
}
