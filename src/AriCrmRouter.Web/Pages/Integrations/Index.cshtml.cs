using AriCrmRouter.Admin.Connections;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Storage;
using AriCrmRouter.Web.Forms;
using AriCrmRouter.Web.Security;
using AriCrmRouter.Web.Services;

namespace AriCrmRouter.Web.Pages;

/// <summary>Connections, masked: only the names of secrets ever reach the browser.</summary>
[PostsNeedAdmin]
public sealed class IntegrationsModel : AdminPageModel
{
    [BindProperty]
    public ConnectionTestForm Test { get; set; } = new();

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty(Name = "confirmed")]
    public string? Confirmed { get; set; }

    public IReadOnlyList<ConnectionView> Connections { get; private set; } = [];

    public ConnectionTestResult? TestResult { get; private set; }

    public string? Problem { get; private set; }

    public string? ConfirmDelete { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (await Service<ICrmConnectionStore>().GetAsync(Test.Connection ?? "", cancellationToken) is not { } connection)
        {
            Problem = $"No connection named '{Test.Connection}'.";
            return Page();
        }

        if (ConnectionAdministration.TestRequest(Test.Module, Test.Field, Test.Phone, Test.KeyField, Test.Key) is not { } request)
        {
            Problem = "Give a module, a field, and either a caller number or a key field with a key.";
            return Page();
        }

        TestResult = await CrmConnectionTest.RunAsync(
            connection, Service<AdminCrmServices>().Connectors, request, TimeSpan.FromSeconds(10), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (Confirmed != "yes")
        {
            ConfirmDelete = Name;
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Changed(await Session.Connections.DeleteAsync(Name ?? "", cancellationToken)
            ? $"Removed connection '{Name}'."
            : $"No connection named '{Name}'.");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Connections = [.. (await Service<ICrmConnectionStore>().ListAsync(cancellationToken)).Select(ConnectionView.Of)];
    }
}
