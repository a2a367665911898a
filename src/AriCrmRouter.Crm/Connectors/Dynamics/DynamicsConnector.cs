namespace AriCrmRouter.Crm.Connectors.Dynamics;

/// <summary>
/// Microsoft Dynamics: the Dataverse / Dynamics 365 Web API (OData v4) or the CRM 2011-2015 Organization
/// Data service (OData v2), chosen by the connection's <c>api</c> setting; one <c>$filter</c> query ORing every
/// phone field against every number form, or the key field against the DTMF.
/// </summary>
internal sealed class DynamicsConnector(VendorClient crm, ILogger<DynamicsConnector> logger) : CrmConnector<DynamicsSettings>(crm, logger)
{
    private static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(1);

    protected override async Task<LookupOutcome> LookupAsync(CrmConnection connection, DynamicsSettings settings, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        ConnectionSettingsReader.RequireApiNames(connection, request, ApiNames.IsIdentifier, ApiNames.IsIdentifier);
        var filters = request.ByKey ? [ODataFilter.Equal(request.KeyField!, request.Dtmf!)] : PhoneFilters(settings, request);
        if (filters.Count == 0)
        {
            return Events.NotFound(connection.Name, request);
        }

        return await WithAccessTokenAsync(
            connection, settings, AcquireAsync, (credential, ct) => QueryEachAsync(connection, settings, request, filters, credential, ct), cancellationToken);
    }

    /// <summary>Every phone field against every spelling, in as few filters as <see cref="DynamicsSettings.MaxFilterLength"/> allows.</summary>
    internal static List<string> PhoneFilters(DynamicsSettings settings, CrmLookupRequest request)
    {
        var forms = ConnectionSettingsReader.Phone(request, settings.Region).All;
        return forms.Count == 0 ? [] : ODataFilter.AnyEqualWithin(settings.PhoneFieldsFor(request.Module), forms, settings.MaxFilterLength);
    }

    private async Task<LookupOutcome> QueryEachAsync(
        CrmConnection connection, DynamicsSettings settings, CrmLookupRequest request, List<string> filters, AccessToken credential, CancellationToken cancellationToken)
    {
        foreach (var filter in filters)
        {
            if (await QueryAsync(connection, settings, request, filter, credential, cancellationToken) is LookupOutcome.FoundValue found)
            {
                return found;
            }
        }

        return LookupOutcome.NotFound;
    }

    private async Task<AccessToken> AcquireAsync(CrmConnection connection, DynamicsSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Auth == DynamicsSettings.Basic)
        {
            return new AccessToken(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.UserName}:{settings.Password}")), null);
        }

        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.ClientId,
            ["client_secret"] = settings.ClientSecret,
        };
        if (settings.Resource is { } resource)
        {
            form["resource"] = resource;
        }
        else
        {
            form["scope"] = settings.Scope!;
        }

        return await RequestTokenAsync(connection, settings.TokenUrl!, form, DefaultTokenLifetime, _ => null, cancellationToken);
    }

    private async Task<LookupOutcome> QueryAsync(
        CrmConnection connection,
        DynamicsSettings settings,
        CrmLookupRequest request,
        string filter,
        AccessToken credential,
        CancellationToken cancellationToken)
    {
        Events.Searching(connection.Name, request.Module, $"{(request.ByKey ? "key field" : "phone")} through {settings.Api}");
        var query = $"$select={Uri.EscapeDataString(request.Field)}&$filter={Uri.EscapeDataString(filter)}&$top=1";
        var path = settings.IsWebApi
            ? $"api/data/v{settings.ApiVersion}/{request.Module}?{query}"
            : $"XRMServices/2011/OrganizationData.svc/{EntitySet(request.Module)}?{query}";
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.OrgUrl, path));
        message.Headers.Authorization = new AuthenticationHeaderValue(settings.Auth == DynamicsSettings.Basic ? "Basic" : "Bearer", credential.Value);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (settings.IsWebApi)
        {
            message.Headers.Add("OData-MaxVersion", "4.0");
            message.Headers.Add("OData-Version", "4.0");
            message.Headers.Add("Prefer", "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"");
        }

        var answer = await Crm.SendAsync(message, connection.Name, "query", cancellationToken);
        Events.EnsureAccepted(answer, connection.Name, "query");

        using var json = answer.Json(connection.Name, "query");
        var records = Records(json.RootElement, connection);
        if (records.GetArrayLength() == 0)
        {
            return Events.NotFound(connection.Name, request);
        }

        return DynamicsValueReader.Read(records[0], request.Field, settings.ChoiceLabels) is { } text
            ? LookupOutcome.Found(text)
            : Events.NotFound(connection.Name, request);
    }

    /// <summary>CRM 2015 entity sets are the schema name plus <c>Set</c> (<c>Contact</c> -> <c>ContactSet</c>).</summary>
    private static string EntitySet(string module) =>
        module.EndsWith("Set", StringComparison.Ordinal) ? module : module + "Set";

    /// <summary>Web API: <c>{"value":[..]}</c>; OData v2: <c>{"d":{"results":[..]}}</c> (or <c>{"d":[..]}</c> from older servers).</summary>
    private static JsonElement Records(JsonElement root, CrmConnection connection)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array)
            {
                return value;
            }

            if (root.TryGetProperty("d", out var d))
            {
                if (d.ValueKind == JsonValueKind.Array)
                {
                    return d;
                }

                if (d.ValueKind == JsonValueKind.Object && d.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
                {
                    return results;
                }
            }
        }

        throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{connection.Name}': the Dynamics answer has no result list");
    }
}
