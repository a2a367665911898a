using AriCrmRouter.Routing.Files;
using AriCrmRouter.Storage;
using AriCrmRouter.Storage.Administration;
using AriCrmRouter.Storage.History;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AriCrmRouter.Web.Pages;

public sealed class HistoryModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long? Show { get; set; }

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public long? Expected { get; set; }

    public IReadOnlyList<ChangeRecord> Records { get; private set; } = [];

    public long CurrentVersion { get; private set; }

    public string? Shown { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(AdminRoles.Admin))
        {
            return Forbid();
        }

        var session = HttpContext.RequestServices.GetRequiredService<AdminSession>();
        if (await session.History.LoadRuleVersionAsync(Version, cancellationToken) is not { } earlier)
        {
            return NotFound();
        }

        var change = await session.Rules.RestoreAsync(earlier, Expected, cancellationToken);
        if (!change.Succeeded)
        {
            Problems = [.. change.Problems.Select(p => p.ToString()), .. change.Refusal is null ? [] : new[] { change.Refusal }];
            Response.StatusCode = change.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = $"Restored version {Version} as version {change.Version}.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var services = HttpContext.RequestServices;
        var history = services.GetRequiredService<RedisChangeHistory>();
        Records = await history.ListAsync(200, cancellationToken);
        CurrentVersion = (await services.GetRequiredService<IRuleStore>().LoadAsync(cancellationToken)).Version;
        if (Show is { } version && await history.LoadRuleVersionAsync(version, cancellationToken) is { } set)
        {
            Shown = RuleFileCodec.Serialize(set);
        }
    }
}
