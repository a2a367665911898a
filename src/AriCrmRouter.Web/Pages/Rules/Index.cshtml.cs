using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Web.Pages;

public sealed class RulesIndexModel : AdminPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Rule> Rules { get; private set; } = [];

    public long Version { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var stored = await RuleStore.LoadAsync(cancellationToken);
        Version = stored.Version;
        var words = (Query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // The same match as the script that filters while typing: every word somewhere in the row.
        Rules = [.. stored.RuleSet.Rules.Where(rule =>
        {
            var text = $"{rule.Name} {rule.CrmField} {(rule.Location == RuleLocation.Ivr ? "IVR" : "DID")} {rule.DefaultDestination}";
            return words.All(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
        })];
    }
}
