using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Admin.Rules;

/// <summary>Short, single-line descriptions of rule parts for tables.</summary>
public static class RuleDescriptions
{
    public static string Location(RuleLocation location) => location == RuleLocation.Ivr ? "ivr" : "did";

    public static string Crm(CrmSource crm) => crm switch
    {
        CustomCrmSource custom => $"custom {custom.Url.Host}",
        IntegrationCrmSource integration => $"{integration.Connection}/{integration.Module}",
        UnreadableCustomCrmSource unreadable => $"custom {unreadable.Url.Host} (headers cannot be decrypted)",
        _ => "?",
    };

    /// <summary>Case-insensitive match over the name, the CRM field and every destination.</summary>
    public static bool Matches(Rule rule, string search)
    {
        ArgumentNullException.ThrowIfNull(rule);
        IEnumerable<string> haystack =
        [
            rule.Name,
            rule.CrmField,
            rule.DefaultDestination.ToString(),
            .. rule.Rows.Select(row => row.Destination.ToString()),
        ];
        return haystack.Any(text => text.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
