using AriCrmRouter.Admin.Rules;
using AriCrmRouter.Storage;
using AriCrmRouter.Storage.Administration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AriCrmRouter.Web.Pages;

public sealed class DidsModel : PageModel
{
    [BindProperty]
    public string Did { get; set; } = "";

    [BindProperty]
    public string Rule { get; set; } = "";

    public IReadOnlyList<KeyValuePair<string, string>> Dids { get; private set; } = [];

    public IReadOnlyList<string> RuleNames { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public long Version { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken) =>
        ChangeAsync(session => session.Rules.AssignDidAsync(Did, Rule, cancellationToken), $"DID {Did.Trim()} now uses rule '{Rule}'", cancellationToken);

    public Task<IActionResult> OnPostUnassignAsync(CancellationToken cancellationToken) =>
        ChangeAsync(session => session.Rules.UnassignDidAsync(Did, cancellationToken), $"DID {Did.Trim()} is no longer assigned", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<AdminSession, Task<RuleChange>> change, string done, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(AdminRoles.Admin))
        {
            return Forbid();
        }

        var result = await change(HttpContext.RequestServices.GetRequiredService<AdminSession>());
        if (!result.Succeeded)
        {
            Problems = [.. result.Problems.Select(p => p.ToString()), .. result.Refusal is null ? [] : new[] { result.Refusal }];
            Response.StatusCode = result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = $"{done} (version {result.Version}).";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await HttpContext.RequestServices.GetRequiredService<IRuleStore>().LoadAsync(cancellationToken);
        Version = stored.Version;
        Dids = [.. stored.RuleSet.DidAssignments.OrderBy(d => d.Key, StringComparer.Ordinal)];
        RuleNames = [.. stored.RuleSet.Rules.Select(r => r.Name)];
    }
}
