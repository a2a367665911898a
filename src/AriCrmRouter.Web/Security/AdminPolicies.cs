using AriCrmRouter.Storage.Administration;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace AriCrmRouter.Web.Security;

/// <summary>Who may do what: viewers look, admins change. Pages use the login cookie, the REST API API tokens.</summary>
internal static class AdminPolicies
{
    public const string Viewer = "viewer";
    public const string Admin = "admin";
    public const string ApiViewer = "api-viewer";
    public const string ApiAdmin = "api-admin";

    public static void AddAdminSecurity(this WebApplicationBuilder builder)
    {
        var https = builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Any(e => (e["Url"] ?? "").StartsWith("https", StringComparison.OrdinalIgnoreCase))
            || (builder.Configuration["urls"] ?? "").Contains("https", StringComparison.OrdinalIgnoreCase);
        var lifetime = builder.Configuration.GetSection(WebAdminOptions.SectionName).Get<WebAdminOptions>()?.SessionLifetime
            ?? new WebAdminOptions().SessionLifetime;
        builder.AddCookieKeyStorage();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.AccessDeniedPath = "/denied";
                options.ExpireTimeSpan = lifetime;
                options.SlidingExpiration = true;
                options.Cookie.Name = https ? "__Host-crmrouter" : "crmrouter";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                // Always Secure when served over TLS; on a plain-http loopback address the browser would drop a Secure cookie.
                options.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = https ? "__Host-crmrouter-af" : "crmrouter-af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Viewer, p => p.RequireRole(AdminRoles.Admin, AdminRoles.Viewer))
            .AddPolicy(Admin, p => p.RequireRole(AdminRoles.Admin))
            .AddPolicy(ApiViewer, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireRole(AdminRoles.Admin, AdminRoles.Viewer))
            .AddPolicy(ApiAdmin, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireRole(AdminRoles.Admin));
    }
}
