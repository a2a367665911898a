using AriCrmRouter.Crm.Phone;

namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// Reads a connection's settings and secrets while collecting every problem by key, so that
/// <c>Validate</c> can list them all and a lookup can refuse an unusable connection with one message.
/// </summary>
internal sealed class ConnectionSettingsReader(CrmConnection connection)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public string ConnectionName => connection.Name;

    public string? Optional(ConnectionKey key) => connection.Setting(key);

    /// <summary>The setting; when unset a problem, saying <paramref name="hint"/> (what to set) when given.</summary>
    public string Required(ConnectionKey key, string? hint = null) => Present(key, connection.Setting(key), hint);

    public string? OptionalSecret(ConnectionKey key) => connection.Secret(key);

    /// <inheritdoc cref="Required"/>
    public string RequiredSecret(ConnectionKey key, string? hint = null) => Present(key, connection.Secret(key), hint);

    /// <summary>
    /// Checks that the setting, when set, is an https URL (http only for loopback); when unset it is a problem only
    /// if <paramref name="missingHint"/> (what the URL is) is given.
    /// </summary>
    public void HttpsUrl(ConnectionKey key, string? missingHint = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var value = connection.Setting(key);
        if (value is null && missingHint is not null)
        {
            Present(key, value, missingHint);
        }
        else if (value is not null && !CrmUrls.IsAllowed(value))
        {
            _problems.Add($"setting '{key}' must be an https URL");
        }
    }

    /// <summary>A number of minutes from <paramref name="least"/> to <paramref name="most"/>; unset: the key's default.</summary>
    public TimeSpan Minutes(ConnectionKey key, int least, int most)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = connection.Setting(key) ?? key.Default ?? "";
        if (!int.TryParse(text, CultureInfo.InvariantCulture, out var minutes) || minutes < least || minutes > most)
        {
            _problems.Add($"setting '{key}' must be a whole number of minutes between {least} and {most}");
            return TimeSpan.Zero;
        }

        return TimeSpan.FromMinutes(minutes);
    }

    /// <summary>A comma-separated list of API names (<paramref name="what"/> says what they name); unset: <c>null</c>.</summary>
    public string[]? NameList(ConnectionKey key, string what)
    {
        if (connection.Setting(key) is not { } list)
        {
            return null;
        }

        var names = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0 || !names.All(ApiNames.IsIdentifier))
        {
            _problems.Add($"setting '{key}' must be a comma-separated list of {what}");
        }

        return names;
    }

    /// <summary>The login session lifetime of <see cref="ConnectionKey.SessionMinutes"/> (1 to 1440 minutes).</summary>
    public TimeSpan SessionLifetime() => Minutes(ConnectionKey.SessionMinutes, 1, 1440);

    private string Present(ConnectionKey key, string? value, string? hint)
    {
        if (value is null)
        {
            _problems.Add(hint is null ? $"{key.Role} '{key}' is missing" : $"{key.Role} '{key}' is missing ({hint})");
        }

        return value ?? "";
    }

    /// <summary>An https URL (http only for loopback) from the setting, or from <paramref name="fallback"/> when unset.</summary>
    public Uri? Url(ConnectionKey key, string? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var value = connection.Setting(key) ?? fallback;
        if (value is null)
        {
            return null;
        }

        try
        {
            return CrmUrls.Parse(value, key.Name, connection.Name);
        }
        catch (CrmLookupException)
        {
            _problems.Add($"setting '{key}' must be an absolute https URL (plain http only for loopback hosts)");
            return null;
        }
    }

    /// <summary>Like <see cref="Url"/>; <paramref name="fallback"/> defaults to the key's declared default.</summary>
    public Uri RequiredUrl(ConnectionKey key, string? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        fallback ??= key.Default;
        if (connection.Setting(key) is null && fallback is null)
        {
            _problems.Add($"setting '{key}' is missing");
            return new Uri("https://invalid.invalid/");
        }

        return Url(key, fallback) ?? new Uri("https://invalid.invalid/");
    }

    /// <summary>One of <paramref name="allowed"/> (case-insensitive), normalised to its listed spelling; unset: the key's default.</summary>
    public string OneOf(ConnectionKey key, params string[] allowed) => Choice(key, key?.Default ?? "", allowed);

    /// <summary>One of <paramref name="allowed"/> (case-insensitive), normalised to its listed spelling.</summary>
    public string Choice(ConnectionKey key, string defaultValue, params string[] allowed)
    {
        var value = connection.Setting(key);
        if (value is null)
        {
            return defaultValue;
        }

        var match = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            _problems.Add($"setting '{key}' must be one of: {string.Join(", ", allowed)}");
            return defaultValue;
        }

        return match;
    }

    /// <summary>A value that must match <paramref name="isValid"/>; <paramref name="expectation"/> says what it should look like.</summary>
    public string Matching(ConnectionKey key, Func<string, bool> isValid, string expectation) =>
        Matching(key, key?.Default ?? "", isValid, expectation);

    /// <summary>A value that must match <paramref name="isValid"/>, <paramref name="defaultValue"/> when unset.</summary>
    public string Matching(ConnectionKey key, string defaultValue, Func<string, bool> isValid, string expectation)
    {
        var value = connection.Setting(key) ?? defaultValue;
        if (!isValid(value))
        {
            _problems.Add($"setting '{key}' must be {expectation}");
            return defaultValue;
        }

        return value;
    }

    /// <summary>The region used to read caller numbers: the connection's <c>defaultRegion</c> or the service default.</summary>
    public string Region(string serviceDefault)
    {
        var value = connection.Setting(ConnectionKey.DefaultRegion);
        if (value is null)
        {
            return serviceDefault;
        }

        if (value.Length != 2 || !value.All(char.IsAsciiLetter))
        {
            _problems.Add($"setting '{ConnectionKey.DefaultRegion}' must be a two-letter ISO 3166 region code");
            return serviceDefault;
        }

        return value.ToUpperInvariant();
    }

    public void Problem(string message) => _problems.Add(message);

    /// <summary>Refuses a lookup on a connection whose settings have problems, listing them all in one message.</summary>
    public static void ThrowIfUnusable(CrmConnection connection, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count > 0)
        {
            throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connection.Name}' is not usable: {string.Join("; ", problems)}");
        }
    }

    /// <summary>Checks a rule's module and field names so they cannot alter a query or path.</summary>
    public static void RequireApiNames(CrmConnection connection, CrmLookupRequest request, Func<string, bool> isModule, Func<string, bool> isField)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        if (!isModule(request.Module))
        {
            throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connection.Name}': module '{request.Module}' is not a valid API name");
        }

        if (!isField(request.Field))
        {
            throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connection.Name}': field '{request.Field}' is not a valid API name");
        }

        if (request.ByKey && !isField(request.KeyField!))
        {
            throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connection.Name}': key field '{request.KeyField}' is not a valid API name");
        }
    }

    public static PhoneNumberForms Phone(CrmLookupRequest request, string region) =>
        PhoneNumberForms.Parse(request?.CallerNumber ?? "", region);
}
