namespace AriCrmRouter.Crm.CustomCrm;

/// <summary>
/// Reads a custom CRM's answer. 200 with a JSON object: the property named like the field (case-insensitive),
/// else <c>value</c>; 200 with plain text: the trimmed body (one printable line). 404, 204, an empty body or a
/// JSON <c>null</c> mean "no value". Anything else (other statuses, HTML, binary, nested JSON) is a failure.
/// A value, plain or JSON, is at most <see cref="MaxValueLength"/> characters on one line: it is written to
/// logs, the shared cache and <c>simulate</c> output, so a CRM cannot inject log lines or fill the cache.
/// </summary>
public static class CustomCrmAnswer
{
    /// <summary>Longest value accepted (plain text or JSON); a longer answer is not a field value.</summary>
    public const int MaxValueLength = 256;

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

        return LookupOutcome.Found(Checked(text, "text"));
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
        JsonValueKind.String => StringOf(value) is { } text && !string.IsNullOrWhiteSpace(text) ? LookupOutcome.Found(Checked(text.Trim(), "a JSON string")) : LookupOutcome.NotFound,
        JsonValueKind.Number => LookupOutcome.Found(Checked(value.TryGetDecimal(out var d) ? d.ToString(CultureInfo.InvariantCulture) : value.GetRawText(), "a JSON number")),
        JsonValueKind.True => LookupOutcome.Found("true"),
        JsonValueKind.False => LookupOutcome.Found("false"),
        _ => throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"custom CRM answered a {value.ValueKind} where a field value was expected"),
    };

    private static string? StringOf(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") is valid JSON but not text.
            throw new CrmLookupException(CrmFailureKind.MalformedResponse, "custom CRM answered a JSON string that is not valid text");
        }
    }

    /// <summary>
    /// The value when it is one printable line of at most <see cref="MaxValueLength"/> characters: no control
    /// characters (C0, DEL, C1), no line or paragraph separators, no unpaired surrogates.
    /// </summary>
    private static string Checked(string value, string what)
    {
        if (value.Length > MaxValueLength)
        {
            throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"custom CRM answered {what} longer than {MaxValueLength} characters, not a field value");
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var category = char.GetUnicodeCategory(c);
            var unpaired = (char.IsHighSurrogate(c) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[++i])))
                || char.IsLowSurrogate(c);
            if (char.IsControl(c) || category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator || unpaired)
            {
                throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"custom CRM answered {what} with control characters, not a single field value");
            }
        }

        return value;
    }

    private static CrmFailureKind KindOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => CrmFailureKind.Unauthorized,
        HttpStatusCode.TooManyRequests => CrmFailureKind.RateLimited,
        >= HttpStatusCode.InternalServerError => CrmFailureKind.Unavailable,
        _ => CrmFailureKind.MalformedResponse,
    };
}
