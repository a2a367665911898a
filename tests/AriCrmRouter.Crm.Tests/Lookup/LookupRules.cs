namespace AriCrmRouter.Crm.Tests.Lookup;

internal static class LookupRules
{
    public static Rule Custom(Uri url, bool usePost = false, LookupSettings? lookup = null, IReadOnlyDictionary<string, string>? headers = null) => new()
    {
        Name = "vip-status",
        CrmField = "status",
        Location = RuleLocation.Did,
        Crm = new CustomCrmSource(url, usePost, headers ?? new Dictionary<string, string>()),
        DefaultDestination = new Destination(DestinationType.Queue, "100"),
        Rows = [new RuleRow(ComparisonOperator.Equal, "GOLD", new Destination(DestinationType.Queue, "103"))],
        Lookup = lookup ?? LookupSettings.Defaults,
    };
}
