namespace AriCrmRouter.Service.Tests.Options;

/// <summary>Registers options as production does, from in-memory settings; validation runs when a test first reads them.</summary>
internal static class OptionsHarness
{
    /// <summary>The settings as configuration; a key given twice keeps its last value, as a later configuration source would.</summary>
    public static IConfiguration Configuration(IEnumerable<(string Key, string Value)> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.GroupBy(s => s.Key).Select(s => new KeyValuePair<string, string?>(s.Key, s.Last().Value)))
            .Build();

    public static ServiceProvider Build(Action<IServiceCollection, IConfiguration> register, IEnumerable<(string Key, string Value)> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        register(services, Configuration(settings));
        return services.BuildServiceProvider();
    }

    public static TOptions Read<TOptions>(IServiceProvider provider)
        where TOptions : class => provider.GetRequiredService<IOptions<TOptions>>().Value;

    /// <summary>Reading the options fails validation; the message must name <paramref name="expected"/>.</summary>
    public static void AssertInvalid(Func<object> read, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(read);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
