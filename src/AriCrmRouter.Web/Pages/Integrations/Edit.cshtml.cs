using AriCrmRouter.Admin.Connections;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Storage;
using AriCrmRouter.Web.Forms;
using AriCrmRouter.Web.Services;

namespace AriCrmRouter.Web.Pages;

/// <summary>Add or edit a connection. Secret values are accepted but never rendered: the page lists their names only.</summary>
public sealed class IntegrationEditModel : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Original { get; set; }

    [BindProperty]
    public string ConnectionName { get; set; } = "";

    [BindProperty]
    public string Kind { get; set; } = "";

    [BindProperty]
    public string? Settings { get; set; }

    [BindProperty]
    public string? Secrets { get; set; }

    /// <summary>The kinds a connection can have, with their settings and secrets (the connectors' descriptors).</summary>
    public IReadOnlyList<CrmConnectorDescriptor> Kinds => CrmConnectorCatalog.Stored;

    public IReadOnlyList<string> StoredSecrets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Original is null)
        {
            return Page();
        }

        if (await Store.GetAsync(Original, cancellationToken) is not { } connection)
        {
            return NotFound();
        }

        ConnectionName = connection.Name;
        Kind = connection.Kind;
        Settings = string.Join("\n", connection.Settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
        StoredSecrets = [.. connection.Secrets.Keys.Order(StringComparer.Ordinal)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = Original ?? ConnectionName;
        var problems = new List<string>();
        var settings = KeyValueLines.Parse(Settings, problems, "settings");
        var secrets = KeyValueLines.Parse(Secrets, problems, "secrets");
        if (problems.Count == 0)
        {
            problems.AddRange(await ConnectionAdministration.SaveAsync(Session.Connections, Service<AdminCrmServices>().Connectors, name, Kind, settings, secrets, SecretUpdate.Merge, cancellationToken));
        }

        if (problems.Count > 0)
        {
            Problems = problems;
            StoredSecrets = await Store.GetAsync(name, cancellationToken) is { } stored ? [.. stored.Secrets.Keys.Order(StringComparer.Ordinal)] : [];
            // The typed secrets are dropped on purpose: they are never sent back to the browser.
            Secrets = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Changed($"Saved connection '{name.Trim()}'.", "/integrations");
    }

    private ICrmConnectionStore Store => Service<ICrmConnectionStore>();
}
