using System.Net;
using AriCrmRouter.Crm.Auth;

namespace AriCrmRouter.Crm.Connectors.SugarCrm;

/// <summary>
/// A CRM answer read into memory (bounded by <see cref="CrmOptions.MaxResponseBytes"/>). Shared by the
/// SugarCRM, SuiteCRM, Vtiger, Zendesk and Bullhorn connectors.
/// </summary>
internal sealed record VendorResponse(HttpStatusCode StatusCode, byte[] Body, TimeSpan? RetryAfter, Uri? Location, Uri? FinalUri = null)
{
    public bool IsRedirect => (int)StatusCode is >= 300 and < 400;

    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    /// <summary>
    /// Maps a non-success status to the failure it means. During a lookup a 401 throws
    /// <see cref="CredentialRejectedException"/> so that the credential cache logs in again once; while
    /// authenticating (<paramref name="authenticating"/>) it is final.
    /// </summary>
    public void EnsureSuccess(string connectionName, string step, bool authenticating = false)
    {
        if (IsSuccess)
        {
            return;
        }

        var code = (int)StatusCode;
        switch (code)
        {
            case 401 when !authenticating:
                throw new CredentialRejectedException($"connection '{connectionName}': {step}: the CRM rejected the credential (HTTP 401)");
            case 401 or 403 when authenticating:
                throw new CrmLookupException(CrmFailureKind.Unauthorized, $"connection '{connectionName}': {step}: the CRM refused the login (HTTP {code})");
            case 429:
                throw new CrmLookupException(CrmFailureKind.RateLimited, $"connection '{connectionName}': {step}: rate limited (HTTP 429)") { RetryAfter = RetryAfter };
            case >= 500:
                throw new CrmLookupException(CrmFailureKind.Unavailable, $"connection '{connectionName}': {step}: server error (HTTP {code})");
            case 400 when authenticating:
                throw new CrmLookupException(CrmFailureKind.Unauthorized, $"connection '{connectionName}': {step}: the CRM refused the login (HTTP 400)");
            case >= 400:
                throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connectionName}': {step}: the CRM refused the request (HTTP {code}); check the module and field names");
            default:
                throw new CrmLookupException(CrmFailureKind.Unavailable, $"connection '{connectionName}': {step}: unexpected HTTP {code}");
        }
    }
}
