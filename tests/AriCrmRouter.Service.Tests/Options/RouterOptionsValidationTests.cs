using static AriCrmRouter.Service.Tests.Options.OptionsHarness;

namespace AriCrmRouter.Service.Tests.Options;

/// <summary>Options are validated as registered in production, nested objects included: a bad value stops the start, not every call.</summary>
public sealed class RouterOptionsValidationTests
{
    /// <summary>Each configuration section as production registers it, and how its options are read.</summary>
    private static readonly Dictionary<string, (Action<IServiceCollection, IConfiguration> Register, Func<IServiceProvider, object> Read)> Sections = new()
    {
        ["Routing"] = ((services, configuration) => services.AddRouterOptions(configuration), Read<RouterOptions>),
        ["Ari"] = ((services, configuration) => services.AddAriClient(configuration), Read<AriOptions>),
        ["Observability"] = ((services, configuration) => services.AddRouterObservability(configuration), Read<ObservabilityOptions>),
    };

    [Theory]
    [InlineData("Routing:Contexts:Queue", "")]
    [InlineData("Routing:Fallback:Target", "")]
    [InlineData("Routing:Fallback:Type", "elevator")]
    [InlineData("Routing:RecoveryTimeout", "00:00:00")]
    [InlineData("Routing:ContinueRetryDelay", "00:01:00")]
    [InlineData("Routing:RecentDecisionTimeout", "00:05:00")]
    [InlineData("Routing:ShutdownMargin", "-00:00:01")]
    [InlineData("Ari:InitialReconnectDelay", "00:00:00")]
    [InlineData("Ari:MaxReconnectDelay", "01:00:00")]
    [InlineData("Ari:KeepAliveInterval", "00:00:00")]
    [InlineData("Ari:Application", "no spaces")]
    [InlineData("Observability:HealthCheckTimeout", "00:00:00")]
    public void Section_InvalidValue_FailsValidationNamingTheSetting(string key, string value)
    {
        var (register, read) = Sections[key.Split(':')[0]];
        using var provider = Build(register, [("Ari:Username", "u"), ("Ari:Password", "p"), (key, value)]);

        AssertInvalid(() => read(provider), key.Split(':')[^1]);
    }

    [Fact]
    public void Routing_Defaults_AreValid()
    {
        using var provider = Build(Sections["Routing"].Register, []);

        Assert.Equal(TimeSpan.FromSeconds(30), Read<RouterOptions>(provider).RecoveryTimeout);
    }
}
