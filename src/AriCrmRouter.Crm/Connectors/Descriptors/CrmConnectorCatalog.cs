using AriCrmRouter.Crm.Connectors.Bullhorn;
using AriCrmRouter.Crm.Connectors.Dynamics;
using AriCrmRouter.Crm.Connectors.HubSpot;
using AriCrmRouter.Crm.Connectors.Pipedrive;
using AriCrmRouter.Crm.Connectors.Salesforce;
using AriCrmRouter.Crm.Connectors.SugarCrm;
using AriCrmRouter.Crm.Connectors.SuiteCrm;
using AriCrmRouter.Crm.Connectors.Vtiger;
using AriCrmRouter.Crm.Connectors.Zendesk;
using AriCrmRouter.Crm.Connectors.Zoho;
using AriCrmRouter.Crm.CustomCrm;

namespace AriCrmRouter.Crm.Connectors;

/// <summary>
/// Every connector's descriptor: the one list of CRM kinds. The connector registration, the admin's checks before
/// a connection is saved and <c>crm kinds</c> read it; nothing else lists kinds or their keys.
/// </summary>
public static class CrmConnectorCatalog
{
    /// <summary>The kinds a stored connection can have (the vendor connectors), by kind.</summary>
    public static IReadOnlyList<CrmConnectorDescriptor> Stored { get; } =
    [
        BullhornSettings.Descriptor,
        DynamicsSettings.Descriptor,
        HubSpotSettings.Descriptor,
        PipedriveSettings.Descriptor,
        SalesforceSettings.Descriptor,
        SugarCrmSettings.Descriptor,
        SuiteCrmSettings.Descriptor,
        VtigerSettings.Descriptor,
        ZendeskSettings.Descriptor,
        ZohoSettings.Descriptor,
    ];

    /// <summary>The custom CRM: its connection is the rule's URL, method and headers, never a stored one.</summary>
    public static CrmConnectorDescriptor Custom => CustomCrmConnector.Descriptor;

    public static IReadOnlyList<string> StoredKinds => [.. Stored.Select(d => d.Kind)];

    /// <summary>The stored kind (any case), or null.</summary>
    public static CrmConnectorDescriptor? Find(string? kind) =>
        Stored.FirstOrDefault(d => string.Equals(d.Kind, kind?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Problems with a connection to be stored, before any connector reads it: an unknown kind, an unknown key, a
    /// missing required setting or secret; each names the key and what the kind accepts. Empty when there are none.
    /// </summary>
    public static IReadOnlyList<string> Check(CrmConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Find(connection.Kind) is { } descriptor
            ? descriptor.Check(connection.Settings, connection.Secrets)
            : [$"'{connection.Kind}' is not a known CRM kind; known kinds: {string.Join(", ", StoredKinds)} (see 'crm kinds')"];
    }
}
