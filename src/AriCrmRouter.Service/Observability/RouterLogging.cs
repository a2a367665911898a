using Microsoft.Extensions.Logging.Console;

namespace AriCrmRouter.Service.Observability;

/// <summary>
/// Console logging in one of three formats, chosen by <c>Logging:Console:FormatterName</c>: <c>simple</c> (default;
/// one line per entry with the call scope), <c>json</c> (one JSON object per line, scope fields as properties, for
/// log shippers and <c>journalctl -o cat</c>), or <c>systemd</c> (syslog priority prefixes for journald).
/// Defaults set here can be overridden under <c>Logging:Console:FormatterOptions</c>.
/// </summary>
public static class RouterLogging
{
    public static ILoggingBuilder AddRouterConsole(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);

        // Registered before AddConsole, so that the configuration's FormatterOptions are applied after these defaults.
        logging.Services.Configure<SimpleConsoleFormatterOptions>(simple =>
        {
            simple.IncludeScopes = true;
            simple.SingleLine = true;
            simple.TimestampFormat = "HH:mm:ss.fff ";
        });
        logging.Services.Configure<JsonConsoleFormatterOptions>(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            json.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
        });
        logging.Services.Configure<ConsoleFormatterOptions>(systemd => systemd.IncludeScopes = true);
        logging.AddConsole();

        // Without a formatter name the console logger falls back to legacy options that drop the scopes.
        logging.Services.PostConfigure<ConsoleLoggerOptions>(console => console.FormatterName ??= ConsoleFormatterNames.Simple);
        return logging;
    }
}
