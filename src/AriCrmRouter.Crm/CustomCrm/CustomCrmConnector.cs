using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Crm.CustomCrm;

/// <summary>
/// The custom CRM protocol as a connector. Its connection is not stored: it is the rule's own URL and method
/// (settings <c>url</c>, <c>method</c>) and headers (secrets, encrypted with the rule set), made by
/// <see cref="ConnectionFor"/>. It serves no stored connection kind, so it is not in the
/// <see cref="CrmConnectorRegistry"/> administrators choose kinds from.
/// </summary>
public sealed class CustomCrmConnector(CustomCrmClient client) : ICrmConnector
{
    public const string CustomKind = "custom";

    public static readonly ConnectionKey UrlKey = ConnectionKey.RequiredSetting("url", "the rule's crm.url (https)");
    public static readonly ConnectionKey MethodKey = ConnectionKey.Setting("method", "the rule's crm.method: get or post", "get");

    public static readonly CrmConnectorDescriptor Descriptor = new(CustomKind, "Custom CRM (a rule's URL)", [UrlKey, MethodKey])
    {
        ConnectorType = typeof(CustomCrmConnector),
        FreeSecrets = "the rule's crm.headers, by header name",
    };

    public string Kind => CustomKind;

    public static CrmConnection ConnectionFor(CustomCrmSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new CrmConnection(
            $"custom CRM at {source.Url.Host}",
            CustomKind,
            new Dictionary<string, string> { [UrlKey.Name] = source.Url.AbsoluteUri, [MethodKey.Name] = source.UsePost ? "post" : "get" },
            source.Headers);
    }

    public IReadOnlyList<string> Validate(CrmConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Uri.TryCreate(connection.Setting(UrlKey), UriKind.Absolute, out var url) && CrmUrls.IsAllowed(url)
            ? []
            : [$"setting '{UrlKey}' must be an https URL"];
    }

    public Task<LookupOutcome> LookupAsync(CrmConnection connection, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        var source = new CustomCrmSource(new Uri(connection.RequiredSetting(UrlKey)), connection.Setting(MethodKey) == "post", connection.Secrets);
        return client.LookupAsync(source, request.Field, new CallerInput(request.CallerNumber, request.Dtmf, request.Did ?? ""), cancellationToken);
    }
}
