namespace AriCrmRouter.Web.Pages;

/// <summary>
/// Removes a rule once confirmed. The list's script asks "Are you sure...?" and posts with
/// <c>confirmed=yes</c>; without the script the post lands here and this page asks the same question.
/// </summary>
public sealed class RulesDeleteModel : AdminPageModel
{
    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public long? Version { get; set; }

    [BindProperty]
    public string? Confirmed { get; set; }

    public string? Problem { get; private set; }

    public IActionResult OnGet() => Redirect("/rules");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Confirmed != "yes")
        {
            return Page();
        }

        var change = await Session.Rules.DeleteRuleAtAsync(Name, Version, cancellationToken);
        if (!change.Succeeded)
        {
            Problem = change.Refusal ?? string.Join("; ", change.Problems);
            return Page();
        }

        return Changed($"Removed rule '{Name}' (version {change.Version}).", "/rules");
    }
}
