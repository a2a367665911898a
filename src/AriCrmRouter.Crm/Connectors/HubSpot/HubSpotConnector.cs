using System.Net.Http.Json;

namespace AriCrmRouter.Crm.Connectors.HubSpot;

/// <summary>
/// HubSpot CRM v3: private app token or OAuth refresh, records found with the object search API using
/// an <c>IN</c> filter over every spelling of the number on each phone property, in ORed filter groups.
/// </summary>
internal sealed class HubSpotConnector(VendorClient crm, ILogger<HubSpotConnector> logger) : CrmConnector<HubSpotSettings>(crm, logger)
{
    /// <summary>HubSpot accepts at most five filter groups per search.</summary>
    internal const int MaxFilterGroups = 5;

    /// <summary>HubSpot accepts at most 100 values in one <c>IN</c> filter.</summary>
    internal const int MaxInValues = 100;

    private static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromMinutes(30);

    protected override async Task<LookupOutcome> LookupAsync(CrmConnection connection, HubSpotSettings settings, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        ConnectionSettingsReader.RequireApiNames(connection, request, IsObjectType, ApiNames.IsIdentifier);
        var groups = request.ByKey
            ? [new HubSpotFilterGroup([new HubSpotFilter(request.KeyField!, "EQ", Value: request.Dtmf!)])]
            : PhoneFilterGroups(settings, request);
        if (groups.Count == 0)
        {
            return Events.NotFound(connection.Name, request);
        }

        return await WithAccessTokenAsync(
            connection, settings, AcquireTokenAsync, (token, ct) => SearchAsync(connection, settings, request, groups, token, ct), cancellationToken);
    }

    /// <summary>
    /// One filter group per phone property, each an <c>IN</c> over every spelling of the caller's number
    /// (<see cref="Phone.PhoneNumberForms.All"/>): HubSpot stores phone numbers as typed and compares whole values,
    /// so one request asks for all the spellings people type.
    /// </summary>
    internal static List<HubSpotFilterGroup> PhoneFilterGroups(HubSpotSettings settings, CrmLookupRequest request)
    {
        var values = ConnectionSettingsReader.Phone(request, settings.Region).All.Take(MaxInValues).ToList();
        if (values.Count == 0)
        {
            return [];
        }

        return [.. settings.PhonePropertiesFor(request.Module)
            .Select(property => new HubSpotFilterGroup([new HubSpotFilter(property, "IN", Values: values)]))];
    }

    private static bool IsObjectType(string module) =>
        ApiNames.IsIdentifier(module) || (module.Length <= 32 && module.Split('-') is [var a, var b] && a.Length > 0 && b.Length > 0 && a.All(char.IsAsciiDigit) && b.All(char.IsAsciiDigit));

    private async Task<AccessToken> AcquireTokenAsync(CrmConnection connection, HubSpotSettings settings, CancellationToken cancellationToken)
    {
        if (settings.PrivateAppToken is { } privateAppToken)
        {
            return new AccessToken(privateAppToken, null);
        }

        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = settings.ClientId,
            ["client_secret"] = settings.ClientSecret,
            ["refresh_token"] = settings.RefreshToken,
        };
        return await RequestTokenAsync(connection, settings.TokenUrl, form, DefaultTokenLifetime, _ => null, cancellationToken);
    }

    private async Task<LookupOutcome> SearchAsync(
        CrmConnection connection,
        HubSpotSettings settings,
        CrmLookupRequest request,
        List<HubSpotFilterGroup> groups,
        AccessToken token,
        CancellationToken cancellationToken)
    {
        foreach (var chunk in groups.Chunk(MaxFilterGroups))
        {
            Events.Searching(connection.Name, request.Module, string.Create(CultureInfo.InvariantCulture, $"{chunk.Length} filter groups"));
            var body = new HubSpotSearchBody(chunk, [request.Field], 1);
            using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.BaseUrl, $"crm/v3/objects/{request.Module}/search"))
            {
                Content = JsonContent.Create(body, CrmJsonContext.Default.HubSpotSearchBody),
            };
            var answer = await SendAsync(connection, message, token, "search", cancellationToken);
            using var json = answer.Json(connection.Name, "search");
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("results", out var results)
                || results.ValueKind != JsonValueKind.Array)
            {
                throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{connection.Name}': the HubSpot search answer has no results");
            }

            if (results.GetArrayLength() == 0)
            {
                continue;
            }

            if (!results[0].TryGetProperty("properties", out var properties)
                || !properties.TryGetProperty(request.Field, out var value)
                || JsonFieldText.Render(value) is not { } text)
            {
                return Events.NotFound(connection.Name, request);
            }

            return LookupOutcome.Found(settings.OptionLabels ? await OptionLabelAsync(connection, settings, request, token, text, cancellationToken) : text);
        }

        return Events.NotFound(connection.Name, request);
    }

    /// <summary>Enumeration properties return internal values; with <c>optionLabels=true</c> the label is read from the property's definition.</summary>
    private async Task<string> OptionLabelAsync(
        CrmConnection connection, HubSpotSettings settings, CrmLookupRequest request, AccessToken token, string value, CancellationToken cancellationToken)
    {
        Events.ReadingDefinitions(connection.Name, $"option labels of property {request.Module}.{request.Field}");
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.BaseUrl, $"crm/v3/properties/{request.Module}/{request.Field}"));
        var answer = await SendAsync(connection, message, token, "property definition", cancellationToken);
        using var json = answer.Json(connection.Name, "property definition");
        if (json.RootElement.ValueKind == JsonValueKind.Object
            && json.RootElement.TryGetProperty("options", out var optionList)
            && optionList.ValueKind == JsonValueKind.Array)
        {
            var labels = value.Split(';').Select(part =>
                optionList.EnumerateArray()
                    .Where(o => o.TryGetProperty("value", out var v) && v.GetString() == part && o.TryGetProperty("label", out _))
                    .Select(o => o.GetProperty("label").GetString())
                    .FirstOrDefault() ?? part);
            return string.Join(", ", labels);
        }

        return value;
    }

    private async Task<VendorAnswer> SendAsync(CrmConnection connection, HttpRequestMessage message, AccessToken token, string step, CancellationToken cancellationToken)
    {
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var answer = await Crm.SendAsync(message, connection.Name, step, cancellationToken);
        Events.EnsureAccepted(answer, connection.Name, step, PolicyWait);
        return answer;
    }

    /// <summary>
    /// HubSpot's 429 rarely carries Retry-After. Its body names the policy that was hit: <c>SECONDLY</c> means
    /// "wait a second"; for the rolling ten-second and daily policies HubSpot says no wait, and
    /// <c>X-HubSpot-RateLimit-Interval-Milliseconds</c> is the window's length, not a wait, so there is no hint.
    /// </summary>
    private static TimeSpan? PolicyWait(VendorAnswer answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer.Body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("policyName", out var policy)
                && policy.ValueKind == JsonValueKind.String
                && string.Equals(policy.GetString(), "SECONDLY", StringComparison.OrdinalIgnoreCase)
                ? TimeSpan.FromSeconds(1)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
