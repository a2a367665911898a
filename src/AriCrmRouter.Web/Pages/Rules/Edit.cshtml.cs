using System.Globalization;
using System.Text.RegularExpressions;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Routing.Validation;
using AriCrmRouter.Storage;
using AriCrmRouter.Web.Forms;

namespace AriCrmRouter.Web.Pages;

/// <summary>
/// Add or edit one rule. Row and header editing (add, remove, move) posts the form back with a
/// <see cref="Command"/>, so it works with the keyboard and without scripts; Save runs the shared validator
/// on the rule and on the whole resulting set and writes nothing while any problem remains.
/// </summary>
public sealed partial class RulesEditModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Original { get; set; }

    [BindProperty]
    public RuleForm Form { get; set; } = new();

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public string? Command { get; set; }

    public IReadOnlyList<ValidationProblem> Problems { get; private set; } = [];

    public string? Refusal { get; private set; }

    public IReadOnlyList<string> ConnectionNames { get; private set; } = [];

    public IEnumerable<string> ErrorsFor(string path) => Problems.Where(p => p.Path == path).Select(p => p.Reason);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var stored = await HttpContext.RequestServices.GetRequiredService<IRuleStore>().LoadAsync(cancellationToken);
        Version = stored.Version;
        if (Original is not null)
        {
            if (stored.RuleSet.FindByName(Original) is not { } rule)
            {
                return NotFound();
            }

            Form = RuleFormMapper.FromRule(rule);
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (!string.IsNullOrEmpty(Command))
        {
            ApplyCommand(Command);
            ModelState.Clear();
            return Page();
        }

        var (rule, formProblems) = RuleFormMapper.ToRule(Form);
        var reported = formProblems.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        Problems = [.. formProblems, .. RuleValidator.ValidateRule(rule).Where(p => !reported.Contains(p.Path))];
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var change = await HttpContext.RequestServices.GetRequiredService<AdminSession>().Rules
            .SaveRuleAsync(rule, Original, Version, cancellationToken);
        if (!change.Succeeded)
        {
            // Problems of the whole set (a DID, a duplicate name) come with a "rules[i]." prefix.
            Problems = [.. change.Problems.Select(p => p with { Path = RulePrefix().Replace(p.Path, "") })];
            Refusal = change.Refusal;
            Response.StatusCode = change.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Message"] = $"Saved rule '{rule.Name}' (version {change.Version}).";
        return Redirect("/rules");
    }

    private void ApplyCommand(string command)
    {
        var parts = command.Split(':', 2);
        var index = parts.Length == 2 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : -1;
        var rows = Form.Rows;
        switch (parts[0])
        {
            case "add-row":
                rows.Add(new RowForm());
                break;
            case "remove-row" when index >= 0 && index < rows.Count:
                rows.RemoveAt(index);
                break;
            case "up" when index > 0 && index < rows.Count:
                (rows[index - 1], rows[index]) = (rows[index], rows[index - 1]);
                break;
            case "down" when index >= 0 && index < rows.Count - 1:
                (rows[index + 1], rows[index]) = (rows[index], rows[index + 1]);
                break;
            case "add-header":
                Form.Headers.Add(new HeaderForm());
                break;
            case "remove-header" when index >= 0 && index < Form.Headers.Count:
                Form.Headers.RemoveAt(index);
                break;
        }
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var connections = await HttpContext.RequestServices.GetRequiredService<ICrmConnectionStore>().ListAsync(cancellationToken);
        ConnectionNames = [.. connections.Select(c => c.Name)];
    }

    [GeneratedRegex(@"^rules\[\d+\]\.")]
    private static partial Regex RulePrefix();
}
