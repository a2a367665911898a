using AriCrmRouter.Routing.Rules;
using AriCrmRouter.Storage;

namespace AriCrmRouter.Tests.Calls;

internal sealed class StaticRuleSetProvider(RuleSet ruleSet) : IRuleSetProvider
{
    public RuleSet Current { get; set; } = ruleSet;

    public long Version => 1;
}
