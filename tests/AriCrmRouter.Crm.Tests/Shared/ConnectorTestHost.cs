namespace AriCrmRouter.Crm.Tests.ConnectorSupport;

/// <summary>What connector tests share: a real IHttpClientFactory with the CRM client, a fake clock, requests.</summary>
internal static class ConnectorTestHost
{
    private static readonly Lazy<IHttpClientFactory> Factory = new(() =>
    {
        var services = new ServiceCollection();
        services.AddHttpClient(CrmHttp.ClientName);
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
    });

    public static IHttpClientFactory HttpClientFactory => Factory.Value;

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public static CrmConnection Connection(string kind, Dictionary<string, string> settings, Dictionary<string, string> secrets, string name = "main") =>
        new(name, kind, settings, secrets);

    /// <summary><paramref name="settings"/> with <paramref name="extra"/> settings added or replaced.</summary>
    public static Dictionary<string, string> With(this Dictionary<string, string> settings, IEnumerable<(string Key, string Value)> extra) =>
        settings.With(extra.Select(e => KeyValuePair.Create(e.Key, e.Value)));

    /// <summary><paramref name="settings"/> with <paramref name="extra"/> settings added or replaced.</summary>
    public static Dictionary<string, string> With(this Dictionary<string, string> settings, IEnumerable<KeyValuePair<string, string>> extra)
    {
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static CrmLookupRequest ByPhone(string module, string field, string callerNumber) =>
        new() { Module = module, Field = field, CallerNumber = callerNumber };

    public static CrmLookupRequest ByKey(string module, string field, string keyField, string dtmf, string callerNumber = "+14155550000") =>
        new() { Module = module, Field = field, KeyField = keyField, Dtmf = dtmf, CallerNumber = callerNumber };
}
