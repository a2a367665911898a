using AriCrmRouter.Admin.Connections;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Storage;
using AriCrmRouter.Web.Api;
using AriCrmRouter.Web.Security;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Web;

/// <summary>
/// Composition of crmrouter-web: the same Redis stores and CRM lookup services as crmrouter-admin, cookie
/// login for the pages, API tokens for the REST API, loopback-only unless configured otherwise.
/// </summary>
public static class AdminWebApp
{
    /// <param name="args">Command-line arguments (also read as configuration).</param>
    /// <param name="configure">Lets tests add settings or services before the app is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The pages are compiled into this assembly; name it so that a host started by tests finds them.
            ApplicationName = typeof(AdminWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(WebAdminOptions.DefaultUrl);
        }

        builder.Services.AddOptions<WebAdminOptions>()
            .BindConfiguration(WebAdminOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRedisStorage(builder.Configuration).AddAdminStorage();
        builder.Services.AddSingleton(sp => new AdminCrmServices(
            sp.GetRequiredService<ICrmConnectionStore>(),
            name => builder.Configuration[name.Replace("__", ":", StringComparison.Ordinal)]));
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AdminSession>();
        builder.AddAdminSecurity();
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/", AdminPolicies.Viewer);
            options.Conventions.AllowAnonymousToPage("/Login");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AuthorizePage("/Rules/Edit", AdminPolicies.Admin);
            options.Conventions.AuthorizePage("/Rules/Delete", AdminPolicies.Admin);
            options.Conventions.AuthorizePage("/Integrations/Edit", AdminPolicies.Admin);
        });
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));

        var app = builder.Build();
        _ = app.Services.GetRequiredService<IOptions<WebAdminOptions>>().Value;
        app.UseExceptionHandler("/error");
        app.UseStatusCodePages();
        if (app.Urls.Any(u => u.StartsWith("https", StringComparison.OrdinalIgnoreCase)) || builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => (e["Url"] ?? "").StartsWith("https", StringComparison.OrdinalIgnoreCase)))
        {
            app.UseHsts();
        }

        app.Use(SecurityHeaders.AddAsync);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapEmbeddedAssets();
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapAdminApi();
        return app;
    }
}
