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

    public string Required(ConnectionKey key)
    {
        var value = connection.Setting(key);
        if (value is null)
        {
            _problems.Add($"setting '{key}' is missing");
        }

        return value ?? "";
    }

    public string? OptionalSecret(ConnectionKey key) => connection.Secret(key);

    public string RequiredSecret(ConnectionKey key)
    {
        var value = connection.Secret(key);
        if (value is null)
        {
            _problems.Add($"secret '{key}' is missing");
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
