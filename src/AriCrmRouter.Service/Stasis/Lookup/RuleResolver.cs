namespace AriCrmRouter.Service.Stasis.Lookup;

/// <summary>
/// Finds the rule for a call: <c>Stasis(crmrouter,&lt;rule&gt;)</c> names it (an IVR option pointing at a rule);
/// plain <c>Stasis(crmrouter)</c> uses the rule assigned to the dialed number (the channel's extension, the DID).
/// </summary>
public static class RuleResolver
{
    public static Rule? Resolve(RuleSet ruleSet, StasisStart start, out string lookedFor)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(start);
        var named = start.Args.Count > 0 ? start.Args[0].Trim() : "";
        if (named.Length > 0)
        {
            lookedFor = $"rule '{named}'";
            return ruleSet.FindByName(named);
        }

        var did = start.Channel.Dialplan.Exten;
        lookedFor = $"DID '{did}'";
        return ruleSet.FindByDid(did);
    }
}
