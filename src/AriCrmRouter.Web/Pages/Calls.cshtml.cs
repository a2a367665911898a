using AriCrmRouter.Storage.Decisions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AriCrmRouter.Web.Pages;

public sealed class CallsModel : PageModel
{
    private const int Shown = 100;

    public IReadOnlyList<DecisionRecord> Calls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Calls = await HttpContext.RequestServices.GetRequiredService<RedisDecisionLog>().ReadLatestAsync(Shown, null, cancellationToken);

    /// <summary>The table rows alone, for the page's script to refresh them.</summary>
    public async Task<IActionResult> OnGetRowsAsync(CancellationToken cancellationToken)
    {
        Calls = await HttpContext.RequestServices.GetRequiredService<RedisDecisionLog>().ReadLatestAsync(Shown, null, cancellationToken);
        return Partial("_CallRows", Calls);
    }
}
