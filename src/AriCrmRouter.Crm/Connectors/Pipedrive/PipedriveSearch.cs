namespace AriCrmRouter.Crm.Connectors.Pipedrive;

/// <summary>Finds a record's id with Pipedrive's search API: by phone (persons), or by a field's exact value.</summary>
internal static class PipedriveSearch
{
    /// <summary>
    /// How many trailing digits a phone search asks for: four are contiguous in nearly every way a number is
    /// written (<c>555-0100</c>, <c>7946 0018</c>), where longer suffixes are split by separators.
    /// </summary>
    internal const int PhoneSuffixDigits = 4;

    /// <summary>How many persons sharing those digits are checked (Pipedrive's page limit is 500).</summary>
    internal const int PhoneCandidates = 100;

    /// <summary>
    /// Persons by phone; for organizations, the organization of the person who owns the number. Pipedrive keeps
    /// numbers as typed and <c>exact_match</c> compares the whole text, so the search asks for the last
    /// <see cref="PhoneSuffixDigits"/> digits without <c>exact_match</c> (a partial match) and keeps the first
    /// returned person whose stored number is the caller's (<see cref="Phone.PhoneNumberForms.IsSameNumber"/>).
    /// A caller ID with fewer digits than that is searched exactly as received.
    /// </summary>
    public static async Task<string?> ByPhoneAsync(PipedriveSession session, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        var forms = ConnectionSettingsReader.Phone(request, session.Settings.Region);
        var related = request.Module == "organizations" ? "organization" : null;
        var digits = forms.NationalDigits ?? forms.Digits;
        if (digits.Length < PhoneSuffixDigits)
        {
            return forms.Raw.Length == 0 ? null : await ByValueAsync(session, "persons", "phone", forms.Raw, related, cancellationToken);
        }

        var suffix = digits[^PhoneSuffixDigits..];
        var path = $"api/v2/persons/search?term={suffix}&fields=phone&limit={PhoneCandidates}";
        using var json = await session.GetAsync(path, "search", notFoundIsNull: false, cancellationToken);
        foreach (var item in Items(json!.RootElement, session))
        {
            if (item.TryGetProperty("phones", out var phones) && phones.ValueKind == JsonValueKind.Array
                && phones.EnumerateArray().Any(p => p.ValueKind == JsonValueKind.String && forms.IsSameNumber(p.GetString())))
            {
                return IdOf(item, related);
            }
        }

        return null;
    }

    /// <summary>
    /// <c>GET /api/v2/{module}/search?term=..&amp;fields=..&amp;exact_match=true&amp;limit=1</c>; the id of the first
    /// item, or of its related object (<paramref name="related"/>, e.g. the person's organization).
    /// </summary>
    public static async Task<string?> ByValueAsync(PipedriveSession session, string module, string searchField, string term, string? related, CancellationToken cancellationToken)
    {
        var path = $"api/v2/{module}/search?term={Uri.EscapeDataString(term)}&fields={searchField}&exact_match=true&limit=1";
        using var json = await session.GetAsync(path, "search", notFoundIsNull: false, cancellationToken);
        return Items(json!.RootElement, session).Select(item => IdOf(item, related)).FirstOrDefault(id => id is not null);
    }

    /// <summary>The <c>item</c> of each search result; an answer without <c>data.items</c> is malformed.</summary>
    private static List<JsonElement> Items(JsonElement root, PipedriveSession session)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("data", out var data)
            || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("items", out var items)
            || items.ValueKind != JsonValueKind.Array)
        {
            throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{session.Connection.Name}': the Pipedrive search answer has no items");
        }

        return [.. items.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("item", out var item) && item.ValueKind == JsonValueKind.Object).Select(e => e.GetProperty("item"))];
    }

    /// <summary>The item's id, or the id of its related object (<paramref name="related"/>, e.g. the person's organization).</summary>
    private static string? IdOf(JsonElement item, string? related)
    {
        if (related is not null && (!item.TryGetProperty(related, out item) || item.ValueKind != JsonValueKind.Object))
        {
            return null;
        }

        return item.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.Number or JsonValueKind.String
            ? (id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString())
            : null;
    }
}
