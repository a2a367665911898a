using AriCrmRouter.Cli;
using AriCrmRouter.Cli.Diagnostics;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Crm.Lookup;
using AriCrmRouter.Storage;

namespace AriCrmRouter.Web.Services;

/// <summary>What the browser and the API may see of a connection: settings, and only the NAMES of its secrets.</summary>
public sealed record ConnectionView(string Name, string Kind, IReadOnlyDictionary<string, string> Settings, IReadOnlyList<string> Secrets)
{
    public static ConnectionView Of(CrmConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new(connection.Name, connection.Kind, connection.Settings, [.. connection.Secrets.Keys.Order(StringComparer.Ordinal)]);
    }
}

/// <summary>A connection test's outcome: the lines of <c>crm test</c> (secrets already masked).</summary>
public sealed record ConnectionTestResult(bool Succeeded, IReadOnlyList<string> Lines);

/// <summary>
/// Saving and testing connections for the pages and the API. Secrets are write-only: a save keeps every
/// stored secret the admin did not type a new value for, and an empty value removes one.
/// </summary>
internal static class ConnectionAdministration
{
    public static async Task<IReadOnlyList<string>> SaveAsync(
        ICrmConnectionStore store,
        CrmConnectorRegistry connectors,
        string name,
        string kind,
        IReadOnlyDictionary<string, string> settings,
        IReadOnlyDictionary<string, string> newSecrets,
        CancellationToken cancellationToken)
    {
        name = name.Trim();
        kind = kind.Trim().ToLowerInvariant();
        if (name.Length == 0 || name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
        {
            return [$"'{name}' is not a valid connection name: letters, digits, '_', '.', '-' (at most 64)"];
        }

        if (!connectors.Kinds.Contains(kind, StringComparer.Ordinal))
        {
            return [$"'{kind}' is not a known CRM kind: {string.Join(", ", connectors.Kinds)}"];
        }

        var existing = await store.GetAsync(name, cancellationToken);
        var secrets = new Dictionary<string, string>(existing?.Secrets ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in newSecrets)
        {
            if (value.Length == 0)
            {
                secrets.Remove(key);
            }
            else
            {
                secrets[key] = value;
            }
        }

        var connection = new CrmConnection(name, kind, new Dictionary<string, string>(settings, StringComparer.Ordinal), secrets);
        var problems = connectors.Get(kind).Validate(connection);
        if (problems.Count > 0)
        {
            return problems;
        }

        await store.SaveAsync(connection, cancellationToken);
        return [];
    }

    /// <summary>Runs the traced lookup of <c>crm test</c> and returns its output lines.</summary>
    public static async Task<ConnectionTestResult> TestAsync(
        CrmConnection connection,
        CliCrmServices crm,
        CrmLookupRequest request,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        var exit = await CrmConnectionTest.RunAsync(connection, crm.Connectors, request, timeout, output, cancellationToken);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        return new ConnectionTestResult(exit == ExitCodes.Success, lines);
    }

    /// <summary>The request of a test: by phone, or by key field and key (what an IVR caller would type).</summary>
    public static CrmLookupRequest? TestRequest(string? module, string? field, string? phone, string? keyField, string? key)
    {
        if (string.IsNullOrWhiteSpace(module) || string.IsNullOrWhiteSpace(field))
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(keyField) && !string.IsNullOrWhiteSpace(key))
        {
            return new CrmLookupRequest { Module = module.Trim(), Field = field.Trim(), KeyField = keyField.Trim(), Dtmf = key.Trim(), CallerNumber = "" };
        }

        return string.IsNullOrWhiteSpace(phone)
            ? null
            : new CrmLookupRequest { Module = module.Trim(), Field = field.Trim(), CallerNumber = phone.Trim() };
    }

    /// <summary>Parses <c>key=value</c> lines (blank lines ignored); a line without '=' is a problem.</summary>
    public static Dictionary<string, string> ParsePairs(string? text, List<string> problems, string what)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in (text ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Add($"{what}: '{(what == "secrets" ? line[..Math.Max(0, equals)] + "=…" : line)}' is not key=value");
                continue;
            }

            pairs[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }

        return pairs;
    }
}
