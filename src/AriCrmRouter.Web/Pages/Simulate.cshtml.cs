using AriCrmRouter.Admin.Connections;
using AriCrmRouter.Storage;
using AriCrmRouter.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Web.Pages;

/// <summary>Viewers may simulate too: it changes nothing and caches nothing.</summary>
public sealed class SimulateModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Rule { get; set; }

    [BindProperty]
    public string Caller { get; set; } = "";

    [BindProperty]
    public string? Dtmf { get; set; }

    [BindProperty]
    public string? Did { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    public IReadOnlyList<string> RuleNames { get; private set; } = [];

    public SimulationResult? Result { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        RuleNames = [.. (await Rules.LoadAsync(cancellationToken)).RuleSet.Rules.Select(r => r.Name)];

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        var stored = await Rules.LoadAsync(cancellationToken);
        RuleNames = [.. stored.RuleSet.Rules.Select(r => r.Name)];
        if (stored.RuleSet.FindByName(Rule ?? "") is not { } rule)
        {
            Error = $"No rule named '{Rule}'.";
            return;
        }

        if (string.IsNullOrWhiteSpace(Caller))
        {
            Error = "Give the caller's number.";
            return;
        }

        var services = HttpContext.RequestServices;
        Result = await CallSimulation.RunAsync(
            stored.RuleSet, rule, services.GetRequiredService<AdminCrmServices>(), Caller, Dtmf, Did, Value,
            services.GetRequiredService<IOptions<WebAdminOptions>>().Value.VoicemailWhenNotSet, cancellationToken);
    }

    private IRuleStore Rules => HttpContext.RequestServices.GetRequiredService<IRuleStore>();
}
