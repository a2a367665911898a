using AriCrmRouter.Admin.Rules;
using AriCrmRouter.Web.Security;

namespace AriCrmRouter.Web.Pages;

[PostsNeedAdmin]
public sealed class DidsModel : AdminPageModel
{
    [BindProperty]
    public string Did { get; set; } = "";

    [BindProperty]
    public string Rule { get; set; } = "";

    public IReadOnlyList<KeyValuePair<string, string>> Dids { get; private set; } = [];

    public IReadOnlyList<string> RuleNames { get; private set; } = [];

    public long Version { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken) =>
        ChangeAsync(rules => rules.AssignDidAsync(Did, Rule, cancellationToken), $"DID {Did.Trim()} now uses rule '{Rule}'", cancellationToken);

    public Task<IActionResult> OnPostUnassignAsync(CancellationToken cancellationToken) =>
        ChangeAsync(rules => rules.UnassignDidAsync(Did, cancellationToken), $"DID {Did.Trim()} is no longer assigned", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<RuleAdministration, Task<RuleChange>> change, string done, CancellationToken cancellationToken) =>
        await AfterRuleChangeAsync(await change(Session.Rules), version => $"{done} (version {version}).", () => LoadAsync(cancellationToken));

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await RuleStore.LoadAsync(cancellationToken);
        Version = stored.Version;
        Dids = [.. stored.RuleSet.DidAssignments.OrderBy(d => d.Key, StringComparer.Ordinal)];
        RuleNames = [.. stored.RuleSet.Rules.Select(r => r.Name)];
    }
}
