using AriCrmRouter.Admin.Connections;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Storage;
using AriCrmRouter.Storage.Administration;
using AriCrmRouter.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AriCrmRouter.Web.Pages;

public sealed class ConnectionTestForm
{
    public string Connection { get; set; } = "";

    public string? Module { get; set; }

    public string? Field { get; set; }

    public string? Phone { get; set; }

    public string? KeyField { get; set; }

    public string? Key { get; set; }
}

/// <summary>Connections, masked: only the names of secrets ever reach the browser.</summary>
public sealed class IntegrationsModel : PageModel
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
        if (!User.IsInRole(AdminRoles.Admin))
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        var store = HttpContext.RequestServices.GetRequiredService<ICrmConnectionStore>();
        if (await store.GetAsync(Test.Connection, cancellationToken) is not { } connection)
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
            connection, HttpContext.RequestServices.GetRequiredService<AdminCrmServices>().Connectors, request, TimeSpan.FromSeconds(10), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(AdminRoles.Admin))
        {
            return Forbid();
        }

        if (Confirmed != "yes")
        {
            ConfirmDelete = Name;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var session = HttpContext.RequestServices.GetRequiredService<AdminSession>();
        TempData["Message"] = await session.Connections.DeleteAsync(Name ?? "", cancellationToken)
            ? $"Removed connection '{Name}'."
            : $"No connection named '{Name}'.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var store = HttpContext.RequestServices.GetRequiredService<ICrmConnectionStore>();
        Connections = [.. (await store.ListAsync(cancellationToken)).Select(ConnectionView.Of)];
    }
}
