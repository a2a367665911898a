using AriCrmRouter.Crm.Connectors;

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
