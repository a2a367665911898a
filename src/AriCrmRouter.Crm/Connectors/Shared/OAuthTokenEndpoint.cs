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

    /// <summary>
    /// A refusal naming the OAuth error code (e.g. <c>invalid_grant</c>), which is not secret; or, when the
    /// endpoint says it is throttling (Zoho answers HTTP 400 "You have made too many requests continuously",
    /// OAuth's <c>slow_down</c>), a <see cref="CrmFailureKind.RateLimited"/> failure: the credentials are fine.
    /// </summary>
    public static CrmLookupException Refused(VendorAnswer answer, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (IsThrottling(answer))
        {
            return new CrmLookupException(
                CrmFailureKind.RateLimited,
                $"connection '{connectionName}': the token endpoint is throttling token requests (HTTP {answer.StatusCode}, too many requests); the credentials were not refused")
            {
                RetryAfter = answer.RetryAfter(),
            };
        }

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

    private static bool IsThrottling(VendorAnswer answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer.Body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var name in (string[])["error", "error_description", "message"])
            {
                if (json.RootElement.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String
                    && text.GetString() is { } value
                    && (value.Contains("too many requests", StringComparison.OrdinalIgnoreCase) || value.Equals("slow_down", StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // An unreadable refusal is not a throttling notice.
        }

        return false;
    }

    [GeneratedRegex("^[A-Za-z_ ]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorCode();
}
