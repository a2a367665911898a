using AriCrmRouter.Routing.Files;
using AriCrmRouter.Storage.History;
using AriCrmRouter.Web.Security;

namespace AriCrmRouter.Web.Pages;

[PostsNeedAdmin]
public sealed class HistoryModel : AdminPageModel
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

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken)
    {
        if (await Session.History.LoadRuleVersionAsync(Version, cancellationToken) is not { } earlier)
        {
            return NotFound();
        }

        var change = await Session.Rules.RestoreAsync(earlier, Expected, cancellationToken);
        return await AfterRuleChangeAsync(change, version => $"Restored version {Version} as version {version}.", () => LoadAsync(cancellationToken));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var history = Service<RedisChangeHistory>();
        Records = await history.ListAsync(200, cancellationToken);
        CurrentVersion = (await RuleStore.LoadAsync(cancellationToken)).Version;
        if (Show is { } version && await history.LoadRuleVersionAsync(version, cancellationToken) is { } set)
        {
            Shown = RuleFileCodec.Serialize(set);
        }
    }
}
