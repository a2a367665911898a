namespace AriCrmRouter.Web.Forms;

/// <summary>The connection test form of the Integrations page: one lookup by caller number, or by a key field and key.</summary>
public sealed record ConnectionTestForm(
    string? Connection = null,
    string? Module = null,
    string? Field = null,
    string? Phone = null,
    string? KeyField = null,
    string? Key = null);
