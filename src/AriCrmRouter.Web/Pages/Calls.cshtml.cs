using AriCrmRouter.Storage.Decisions;

namespace AriCrmRouter.Web.Pages;

public sealed class CallsModel : AdminPageModel
{
    private const int Shown = 100;

    public IReadOnlyList<DecisionRecord> Calls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Calls = await Service<RedisDecisionLog>().ReadLatestAsync(Shown, null, cancellationToken);

    /// <summary>The table rows alone, for the page's script to refresh them.</summary>
    public async Task<IActionResult> OnGetRowsAsync(CancellationToken cancellationToken)
    {
        Calls = await Service<RedisDecisionLog>().ReadLatestAsync(Shown, null, cancellationToken);
        return Partial("_CallRows", Calls);
    }
}
