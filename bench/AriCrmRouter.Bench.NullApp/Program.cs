using AriCrmRouter.Ari;
using AriCrmRouter.Bench.NullApp;

// The floor a Stasis application built on our ARI client can reach: on StasisStart one `continue`
// to a fixed dialplan place, nothing else (no Redis, no CRM, no rules). scripts/bench.sh runs it as
// the "null app" workload; configuration as for the router (Ari__BaseUrl, Ari__Username, ...) plus
// NullApp__Context/Extension/Priority.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
builder.Services.AddAriClient(builder.Configuration);
builder.Services.AddOptions<NullAppOptions>()
    .Bind(builder.Configuration.GetSection(NullAppOptions.SectionName))
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddSingleton<ContinueOnStasisStart>();
builder.Services.AddHostedService<NullAppService>();

using var host = builder.Build();
await host.RunAsync();
