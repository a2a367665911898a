using AriCrmRouter.Admin.Connections;
using AriCrmRouter.Web.Services;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Web.Pages;

/// <summary>Viewers may simulate too: it changes nothing and caches nothing.</summary>
public sealed class SimulateModel : AdminPageModel
{
    /// <summary>
    /// The call, with the same fields as the REST API's simulate body. Bound on GET too, so that a link
    /// (<c>/simulate?rule=name</c>) can preselect the rule.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "")]
    public SimulatedCall Call { get; set; } = new("", "", null, null, null);

    public IReadOnlyList<string> RuleNames { get; private set; } = [];

    public SimulationResult? Result { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        RuleNames = [.. (await RuleStore.LoadAsync(cancellationToken)).RuleSet.Rules.Select(r => r.Name)];

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        var stored = await RuleStore.LoadAsync(cancellationToken);
        RuleNames = [.. stored.RuleSet.Rules.Select(r => r.Name)];
        if (stored.RuleSet.FindByName(Call.Rule ?? "") is not { } rule)
        {
            Error = $"No rule named '{Call.Rule}'.";
            return;
        }

        if (string.IsNullOrWhiteSpace(Call.Caller))
        {
            Error = "Give the caller's number.";
            return;
        }

        Result = await CallSimulation.RunAsync(
            stored.RuleSet, rule, Service<AdminCrmServices>(), Call, Service<IOptions<WebAdminOptions>>().Value.VoicemailWhenNotSet, cancellationToken);
    }
}
