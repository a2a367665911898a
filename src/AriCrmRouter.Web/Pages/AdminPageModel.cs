using AriCrmRouter.Admin.Rules;
using AriCrmRouter.Storage;

namespace AriCrmRouter.Web.Pages;

/// <summary>
/// What the admin pages share: the request's services, the signed-in user's <see cref="AdminSession"/>, and how a
/// post ends (its problems shown with the page again, or a message carried over a redirect to the next page).
/// </summary>
public abstract class AdminPageModel : PageModel
{
    /// <summary>Why the last post changed nothing; the pages that make changes list them above their form.</summary>
    public IReadOnlyList<string> Problems { get; private protected set; } = [];

    /// <summary>The changes the signed-in user makes, recorded in the history under their name.</summary>
    private protected AdminSession Session => Service<AdminSession>();

    private protected IRuleStore RuleStore => Service<IRuleStore>();

    private protected T Service<T>()
        where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();

    /// <summary>After a change: <paramref name="message"/> is shown by the next page, reached by a redirect (post/redirect/get).</summary>
    private protected IActionResult Changed(string message, string? url = null)
    {
        TempData["Message"] = message;
        return url is null ? RedirectToPage() : Redirect(url);
    }

    /// <summary>
    /// The end of a post that changed the rules: the message and a redirect when it was written; otherwise its problems and
    /// refusal, 409 when the stored rules changed meanwhile (else 400), and this page again, reloaded.
    /// </summary>
    private protected async Task<IActionResult> AfterRuleChangeAsync(RuleChange change, Func<long, string> message, Func<Task> reload)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Succeeded)
        {
            return Changed(message(change.Version));
        }

        Problems = [.. change.Problems.Select(p => p.ToString()), .. change.Refusal is null ? [] : new[] { change.Refusal }];
        Response.StatusCode = change.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        await reload();
        return Page();
    }
}
