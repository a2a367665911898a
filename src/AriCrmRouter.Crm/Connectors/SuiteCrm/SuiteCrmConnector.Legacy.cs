using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace AriCrmRouter.Crm.Connectors.SuiteCrm;

/// <summary>SuiteCRM 7.x legacy REST (v4_1): errors come back with HTTP 200 as <c>{"name","number","description"}</c>.</summary>
internal sealed partial class SuiteCrmConnector
{
    private const int InvalidLogin = 10;
    private const int InvalidSessionId = 11;

    private async Task<SuiteCrmSession> LoginAsync(SuiteCrmSettings settings, string connectionName, CancellationToken cancellationToken)
    {
        Events.RequestingCredential(connectionName, "v4_1 login", settings.Root);
        var args = new SuiteLoginArgs(new SuiteUserAuth(settings.UserName!, Md5Hex(settings.Password!)), settings.ApplicationName, []);
        using var document = await CallLegacyAsync(settings, "login", JsonSerializer.Serialize(args, SuiteCrmJsonContext.Default.SuiteLoginArgs), connectionName, cancellationToken);
        var root = document.RootElement;
        if (LegacyError(root) is { } error)
        {
            throw new CrmLookupException(
                error.Number is InvalidLogin or InvalidSessionId ? CrmFailureKind.Unauthorized : CrmFailureKind.Configuration,
                $"connection '{connectionName}': login: SuiteCRM answered '{error.Name}' ({error.Number})");
        }

        if (!VendorJson.TryGetProperty(root, "id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(id.GetString()))
        {
            throw VendorJson.Malformed(connectionName, "login", "the answer has no session id");
        }

        return new SuiteCrmSession(id.GetString()!, Crm.Time.GetUtcNow() + settings.SessionLifetime);
    }

    private async Task<LookupOutcome> GetEntryListAsync(SuiteCrmSettings settings, SuiteCrmSession session, SuiteLookup lookup, CancellationToken cancellationToken)
    {
        if (WhereClause(settings, lookup) is not { } where)
        {
            return LookupOutcome.NotFound;
        }

        var args = new SuiteEntryListArgs(session.SessionId, lookup.Module, where, "", 0, ["id", lookup.Field], [], 1, 0, false);
        using var document = await CallLegacyAsync(settings, "get_entry_list", JsonSerializer.Serialize(args, SuiteCrmJsonContext.Default.SuiteEntryListArgs), lookup.ConnectionName, cancellationToken);
        var root = document.RootElement;
        if (LegacyError(root) is { } error)
        {
            if (error.Number == InvalidSessionId)
            {
                throw Events.CredentialRejected(lookup.ConnectionName, $"get_entry_list: {error.Name}");
            }

            throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{lookup.ConnectionName}': get_entry_list: SuiteCRM answered '{error.Name}' ({error.Number})");
        }

        return VendorJson.FirstItem(root, "entry_list", lookup.ConnectionName, "get_entry_list") is { } entry
            ? VendorJson.FieldOutcome(entry, "name_value_list", lookup.Field, "value")
            : LookupOutcome.NotFound;
    }

    /// <summary>
    /// <c>contacts.phone_work IN ('..', '..') OR contacts.phone_mobile IN (..)</c>; custom fields (<c>_c</c>) live
    /// in the module's <c>_cstm</c> table. Values are SQL literals; names were checked as identifiers.
    /// </summary>
    private static string? WhereClause(SuiteCrmSettings settings, SuiteLookup lookup)
    {
        var literals = lookup.Values.Select(SqlStringLiteral.Quote).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (literals.Count == 0)
        {
            return null;
        }

        var table = settings.Table is { } configured
            ? ApiNames.Require(configured, "table", lookup.ConnectionName)
            : lookup.Module.ToLowerInvariant();
        var list = string.Join(", ", literals);
        return string.Join(" OR ", lookup.KeyFields.Select(field =>
            $"{(field.EndsWith("_c", StringComparison.Ordinal) ? table + "_cstm" : table)}.{field} {(literals.Count == 1 ? "= " + list : "IN (" + list + ")")}"));
    }

    private async Task<JsonDocument> CallLegacyAsync(SuiteCrmSettings settings, string method, string restData, string connectionName, CancellationToken cancellationToken)
    {
        // The session id travels in the form body, never in the URL.
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Root, "service/v4_1/rest.php"))
        {
            Content = new FormUrlEncodedContent(
            [
                new("method", method),
                new("input_type", "JSON"),
                new("response_type", "JSON"),
                new("rest_data", restData),
            ]),
        };
        var response = await Crm.SendAsync(message, connectionName, method, cancellationToken);
        response.EnsureSuccess(connectionName, method, authenticating: method == "login");
        var document = VendorJson.Parse(response.Body, connectionName, method);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw VendorJson.Malformed(connectionName, method, "the answer is not a JSON object");
        }

        return document;
    }

    private static LegacyErrorAnswer? LegacyError(JsonElement root)
    {
        if (VendorJson.TryGetProperty(root, "number", out var number)
            && VendorJson.TryGetProperty(root, "name", out var name)
            && !VendorJson.TryGetProperty(root, "entry_list", out _)
            && !VendorJson.TryGetProperty(root, "id", out _))
        {
            var code = number.ValueKind == JsonValueKind.Number ? number.GetInt32()
                : int.TryParse(number.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
            return new LegacyErrorAnswer(name.ToString(), code);
        }

        return null;
    }

    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "The v4_1 login protocol requires the md5 hex of the password.")]
    private static string Md5Hex(string password) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(password)));

    private sealed record LegacyErrorAnswer(string Name, int Number);
}
