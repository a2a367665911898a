using AriCrmRouter.Ari.Events;
using AriCrmRouter.Ari.Models;

namespace AriCrmRouter.Service.Tests.Stasis;

public sealed class RuleResolverTests
{
    private static readonly RuleSet Rules = new(
        [Rule("vip"), Rule("accounts")],
        new Dictionary<string, string> { ["5551000"] = "vip" });

    [Fact]
    public void Resolve_NoArgs_UsesTheRuleAssignedToTheDialedNumber()
    {
        var rule = RuleResolver.Resolve(Rules, Start("5551000"), out _);

        Assert.Equal("vip", rule?.Name);
    }

    [Fact]
    public void Resolve_RuleNamedInArgs_UsesThatRuleWhateverTheDid()
    {
        var rule = RuleResolver.Resolve(Rules, Start("5551000", "accounts"), out var lookedFor);

        Assert.Equal("accounts", rule?.Name);
        Assert.Equal("rule 'accounts'", lookedFor);
    }

    [Fact]
    public void Resolve_UnassignedDid_ReturnsNullAndSaysWhatWasLookedFor()
    {
        var rule = RuleResolver.Resolve(Rules, Start("5559999"), out var lookedFor);

        Assert.Null(rule);
        Assert.Equal("DID '5559999'", lookedFor);
    }

    [Fact]
    public void Resolve_UnknownRuleName_ReturnsNull()
    {
        Assert.Null(RuleResolver.Resolve(Rules, Start("5551000", "missing"), out _));
    }

    private static StasisStart Start(string exten, params string[] args) => new()
    {
        Type = "StasisStart",
        Args = args,
        Channel = new Channel { Id = "1.1", Dialplan = new DialplanLocation { Context = "from-trunk", Exten = exten, Priority = 2 } },
    };

    private static Rule Rule(string name) => new()
    {
        Name = name,
        CrmField = "status",
        Location = RuleLocation.Did,
        Crm = new CustomCrmSource(new Uri("https://crm.example.com/lookup"), false, new Dictionary<string, string>()),
        DefaultDestination = new Destination(DestinationType.Queue, "100"),
        Rows = [],
    };
}
