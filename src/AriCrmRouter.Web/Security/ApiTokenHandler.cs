using System.Security.Claims;
using System.Text.Encodings.Web;
using AriCrmRouter.Storage.Administration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Web.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> for the REST API. The token's account must still exist, and
/// its current role applies (removing or demoting an account takes its tokens' rights away at once).
/// </summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    RedisAdminAccountStore accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var owner = await accounts.FindTokenAsync(header["Bearer ".Length..], Context.RequestAborted);
        var account = owner is null ? null : await accounts.FindAsync(owner.User, Context.RequestAborted);
        if (account is null)
        {
            return AuthenticateResult.Fail("unknown API token");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.Name), new Claim(ClaimTypes.Role, account.Role)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
