using AriCrmRouter.Routing.Validation;

namespace AriCrmRouter.Storage.Tests;

/// <summary>Small valid rules and rule sets for storage tests.</summary>
internal static class SampleRules
{
    public static Rule Rule(string name, string queue = "103") => new()
    {
        Name = name,
        CrmField = "status",
        Location = RuleLocation.Did,
        Crm = new IntegrationCrmSource("zoho-eu", "Contacts"),
        DefaultDestination = new Destination(DestinationType.Queue, "100"),
        Rows = [new RuleRow(ComparisonOperator.Equal, "GOLD", new Destination(DestinationType.Queue, queue))],
    };

    /// <summary>Rules with the given names, the first one assigned to DID 5551000.</summary>
    public static RuleSet Set(params string[] names)
    {
        var dids = names.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["5551000"] = names[0] };
        var set = new RuleSet(names.Select(n => Rule(n)), dids);
        var problems = RuleValidator.Validate(set);
        Assert.True(problems.Count == 0, "sample set is invalid: " + string.Join("; ", problems));
        return set;
    }

    public static IReadOnlyList<string> Names(RuleSet set) => [.. set.Rules.Select(r => r.Name)];
}
