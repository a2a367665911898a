using AriCrmRouter.Ari;
using AriCrmRouter.Service.Hosting;
using AriCrmRouter.Service.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Service.Tests.Options;

/// <summary>Options are validated as registered in production, nested objects included: a bad value stops the start, not every call.</summary>
public sealed class RouterOptionsValidationTests
{
    [Theory]
    [InlineData("Routing:Contexts:Queue", "")]
    [InlineData("Routing:Fallback:Target", "")]
    [InlineData("Routing:Fallback:Type", "elevator")]
    [InlineData("Routing:RecoveryTimeout", "00:00:00")]
    [InlineData("Routing:ContinueRetryDelay", "00:01:00")]
    [InlineData("Routing:RecentDecisionTimeout", "00:05:00")]
    [InlineData("Routing:ShutdownMargin", "-00:00:01")]
    public void Routing_InvalidValue_FailsValidation(string key, string value)
    {
        using var provider = Build(services => services.AddRouterOptions(Configuration((key, value))));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RouterOptions>>().Value);

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Routing_Defaults_AreValid()
    {
        using var provider = Build(services => services.AddRouterOptions(Configuration()));

        Assert.Equal(TimeSpan.FromSeconds(30), provider.GetRequiredService<IOptions<RouterOptions>>().Value.RecoveryTimeout);
    }

    [Theory]
    [InlineData("Ari:InitialReconnectDelay", "00:00:00")]
    [InlineData("Ari:MaxReconnectDelay", "01:00:00")]
    [InlineData("Ari:KeepAliveInterval", "00:00:00")]
    [InlineData("Ari:Application", "no spaces")]
    public void Ari_InvalidValue_FailsValidation(string key, string value)
    {
        using var provider = Build(services => services.AddAriClient(Configuration(("Ari:Username", "u"), ("Ari:Password", "p"), (key, value))));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AriOptions>>().Value);

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observability_HealthCheckTimeoutZero_FailsValidation()
    {
        using var provider = Build(services => services.AddRouterObservability(Configuration(("Observability:HealthCheckTimeout", "00:00:00"))));

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ObservabilityOptions>>().Value);
    }

    private static ServiceProvider Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        register(services);
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
