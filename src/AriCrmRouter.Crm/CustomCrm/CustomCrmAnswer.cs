using System.Globalization;
using System.Net;
using System.Text.Json;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Routing.Evaluation;

namespace AriCrmRouter.Crm.CustomCrm;

/// <summary>
/// Reads a custom CRM's answer. 200 with a JSON object: the property named like the field (case-insensitive),
/// else <c>value</c>; 200 with plain text: the trimmed body (one printable line). 404, 204, an empty body or a
/// JSON <c>null</c> mean "no value". Anything else (other statuses, HTML, binary, nested JSON) is a failure.
/// </summary>
public static class CustomCrmAnswer
{
    /// <summary>Longest plain-text answer accepted; a longer body is not a field value.</summary>
    public const int MaxPlainTextLength = 256;

    public static LookupOutcome Read(HttpStatusCode status, string? mediaType, string body, string field)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(field);
        if (status is HttpStatusCode.NotFound or HttpStatusCode.NoContent)
        {
            return LookupOutcome.NotFound;
        }

        if (status != HttpStatusCode.OK)
        {
            throw new CrmLookupException(KindOf(status), $"custom CRM answered {(int)status}");
        }

        var text = body.Trim();
        if (text.Length == 0)
        {
            return LookupOutcome.NotFound;
        }

        var isJson = mediaType is not null && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        if (isJson || text[0] is '{' or '[')
        {
            return ReadJson(text, field);
        }

        if (mediaType is not null && !mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"custom CRM answered with unsupported content type '{mediaType}'");
        }

        if (text.Length > MaxPlainTextLength || text.Any(c => char.IsControl(c)))
        {
            throw new CrmLookupException(CrmFailureKind.MalformedResponse, "custom CRM answered text that is not a single field value");
        }

        return LookupOutcome.Found(text);
    }

    private static LookupOutcome ReadJson(string json, string field)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"custom CRM answered invalid JSON ({ex.Message})");
        }
        catch (ArgumentException)
        {
            throw new CrmLookupException(CrmFailureKind.MalformedResponse, "custom CRM answered text that is not valid Unicode");
        }

        using (document)
        {
            try
            {
                return ReadObject(document.RootElement, field);
            }
            catch (InvalidOperationException)
            {
                // JSON allows an escaped unpaired surrogate ("\ud800"), which no string can hold.
                throw new CrmLookupException(CrmFailureKind.MalformedResponse, "custom CRM answered JSON text that is not valid Unicode");
            }
        }
    }

    private static LookupOutcome ReadObject(JsonElement root, string field)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CrmLookupException(CrmFailureKind.MalformedResponse, "custom CRM answered JSON that is not an object");
        }

        JsonElement? named = null;
        JsonElement? fallback = null;
        foreach (var property in root.EnumerateObject())
        {
            if (named is null && string.Equals(property.Name, field, StringComparison.OrdinalIgnoreCase))
            {
                named = property.Value;
            }
            else if (fallback is null && string.Equals(property.Name, "value", StringComparison.OrdinalIgnoreCase))
            {
                fallback = property.Value;
            }
        }

        return (named ?? fallback) is { } value ? ReadValue(value) : LookupOutcome.NotFound;
    }

    private static LookupOutcome ReadValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => LookupOutcome.NotFound,
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()) ? LookupOutcome.NotFound : LookupOutcome.Found(value.GetString()!.Trim()),
        JsonValueKind.Number => LookupOutcome.Found(value.TryGetDecimal(out var d) ? d.ToString(CultureInfo.InvariantCulture) : value.GetRawText()),
        JsonValueKind.True => LookupOutcome.Found("true"),
        JsonValueKind.False => LookupOutcome.Found("false"),
        _ => throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"custom CRM answered a {value.ValueKind} where a field value was expected"),
    };

    private static CrmFailureKind KindOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => CrmFailureKind.Unauthorized,
        HttpStatusCode.TooManyRequests => CrmFailureKind.RateLimited,
        >= HttpStatusCode.InternalServerError => CrmFailureKind.Unavailable,
        _ => CrmFailureKind.MalformedResponse,
    };
}
