using AriCrmRouter.Service.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.AddSimpleConsole(console =>
{
    console.IncludeScopes = true;
    console.SingleLine = true;
    console.TimestampFormat = "HH:mm:ss.fff ";
});
builder.Services.AddCrmRouter(builder.Configuration);

using var host = builder.Build();
await host.RunAsync();
