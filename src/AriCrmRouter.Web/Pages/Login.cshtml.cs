using System.Security.Claims;
using AriCrmRouter.Admin.Accounts;
using AriCrmRouter.Storage.Administration;
using AriCrmRouter.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AriCrmRouter.Web.Pages;

public sealed class LoginModel : AdminPageModel
{
    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var throttle = Service<LoginThrottle>();
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsLocked(Name, client))
        {
            Error = "Too many failed logins. Wait a few minutes and try again.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var accounts = Service<RedisAdminAccountStore>();
        var account = await accounts.FindAsync(Name, cancellationToken);
        if (!AdminPasswords.Verify(account, Password))
        {
            throttle.RecordFailure(Name, client);
            Error = "Wrong account name or password.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        throttle.RecordSuccess(Name);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.Name), new Claim(ClaimTypes.Role, account.Role)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/rules");
    }
}
