using AriCrmRouter.Service.Hosting;
using AriCrmRouter.Service.Observability;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

// An installed router (scripts/install.sh) reads the machine's settings from /etc/crmrouter; environment
// variables and the command line still win, so secrets can live in the unit's environment file.
if (Environment.GetEnvironmentVariable("CRMROUTER_CONFIG_DIR") is { Length: > 0 } configDirectory)
{
    builder.Configuration.AddJsonFile(Path.Combine(configDirectory, "appsettings.json"), optional: false, reloadOnChange: false);
    builder.Configuration.AddEnvironmentVariables();
    builder.Configuration.AddCommandLine(args);
}

builder.Logging.ClearProviders();
builder.Logging.AddRouterConsole();
builder.Services.AddCrmRouter(builder.Configuration);

using var host = builder.Build();
await host.RunAsync();
