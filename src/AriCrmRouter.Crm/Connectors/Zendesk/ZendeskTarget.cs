namespace AriCrmRouter.Crm.Connectors.Zendesk;

/// <summary>The record kind a rule reads: <c>users</c> (user_fields) or <c>organizations</c> (organization_fields).</summary>
internal sealed record ZendeskTarget(string Name, string SearchType, string FieldsProperty)
{
    public static readonly ZendeskTarget Users = new("users", "user", "user_fields");

    public static readonly ZendeskTarget Organizations = new("organizations", "organization", "organization_fields");

    public static ZendeskTarget Parse(string module, string connectionName) => module?.Trim().ToLowerInvariant() switch
    {
        "users" or "user" or "end-users" => Users,
        "organizations" or "organization" or "organisations" => Organizations,
        _ => throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connectionName}': Zendesk module '{module}' is not 'users' or 'organizations'"),
    };
}
