using System.Text.Json.Serialization;

namespace AriCrmRouter.Crm.Connectors.SuiteCrm;

/// <summary>A SuiteCRM 7 session id (v4_1 <c>login</c>).</summary>
internal sealed class SuiteCrmSession(string sessionId, DateTimeOffset? expiresAt) : IExpiringCredential
{
    public string SessionId { get; } = sessionId;

    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    public override string ToString() => "SuiteCRM session (hidden)";
}

/// <summary>A SuiteCRM 8 OAuth2 Bearer token.</summary>
internal sealed class SuiteCrmBearer(string accessToken, DateTimeOffset? expiresAt) : IExpiringCredential
{
    public string AccessToken { get; } = accessToken;

    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    public override string ToString() => "SuiteCRM bearer token (hidden)";
}

internal sealed record SuiteUserAuth(
    [property: JsonPropertyName("user_name")] string UserName,
    [property: JsonPropertyName("password")] string Password)
{
    public override string ToString() => "SuiteUserAuth (values hidden)";
}

/// <summary>v4_1 <c>login</c> arguments; the PHP side maps them by position, so the order matters.</summary>
internal sealed record SuiteLoginArgs(
    [property: JsonPropertyName("user_auth")] SuiteUserAuth UserAuth,
    [property: JsonPropertyName("application_name")] string ApplicationName,
    [property: JsonPropertyName("name_value_list")] string[] NameValueList)
{
    public override string ToString() => "SuiteLoginArgs (values hidden)";
}

/// <summary>v4_1 <c>get_entry_list</c> arguments, in the order of the PHP method's parameters.</summary>
internal sealed record SuiteEntryListArgs(
    [property: JsonPropertyName("session")] string Session,
    [property: JsonPropertyName("module_name")] string ModuleName,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("order_by")] string OrderBy,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("select_fields")] string[] SelectFields,
    [property: JsonPropertyName("link_name_to_fields_array")] string[] LinkNameToFieldsArray,
    [property: JsonPropertyName("max_results")] int MaxResults,
    [property: JsonPropertyName("deleted")] int Deleted,
    [property: JsonPropertyName("favorites")] bool Favorites)
{
    public override string ToString() => "SuiteEntryListArgs (values hidden)";
}

[JsonSerializable(typeof(SuiteLoginArgs))]
[JsonSerializable(typeof(SuiteEntryListArgs))]
internal sealed partial class SuiteCrmJsonContext : JsonSerializerContext;
