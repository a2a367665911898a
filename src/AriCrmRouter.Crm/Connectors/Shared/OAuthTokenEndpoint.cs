using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// Posts an OAuth 2 token request as a form body (secrets travel in the body or the Authorization header,
/// never in the URL) and classifies a refusal: 400/401/403 from a token endpoint means the configured
/// credentials are wrong or revoked; anything else is mapped like any other CRM answer
/// (<see cref="VendorHttp.Failure"/>: rate limited, unavailable, or a wrong token URL).
/// </summary>
internal static partial class OAuthTokenEndpoint
{
    public const string Step = "token request";

    public static async Task<VendorAnswer> PostAsync(
        HttpClient http,
        Uri tokenUrl,
        IEnumerable<KeyValuePair<string, string>> form,
        AuthenticationHeaderValue? clientAuthentication,
        int maxResponseBytes,
        TimeProvider timeProvider,
        string connectionName,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = clientAuthentication;
        var answer = await VendorHttp.SendAsync(http, request, maxResponseBytes, timeProvider, connectionName, Step, cancellationToken);
        if (answer.IsSuccess)
        {
            return answer;
        }

        if (answer.Status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw Refused(answer, connectionName);
        }

        throw VendorHttp.Failure(answer, timeProvider, connectionName, Step);
    }

    /// <summary>A refusal naming the OAuth error code (e.g. <c>invalid_grant</c>), which is not secret.</summary>
    public static CrmLookupException Refused(VendorAnswer answer, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new CrmLookupException(
            CrmFailureKind.Unauthorized,
            $"connection '{connectionName}': the token endpoint refused the configured credentials (HTTP {answer.StatusCode}{ErrorCodeSuffix(answer)})");
    }

    private static string ErrorCodeSuffix(VendorAnswer answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer.Body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String
                && error.GetString() is { } code
                && ErrorCode().IsMatch(code))
            {
                return ", " + code;
            }
        }
        catch (JsonException)
        {
            // The code is only a diagnostic nicety; an unreadable refusal is still a refusal.
        }

        return "";
    }

    [GeneratedRegex("^[A-Za-z_ ]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorCode();
}
