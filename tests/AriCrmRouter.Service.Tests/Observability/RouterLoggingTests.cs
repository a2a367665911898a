using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace AriCrmRouter.Service.Tests.Observability;

public sealed class RouterLoggingTests
{
    // The same shape as the scope every log line of a call carries (CallSession).
    private static readonly Func<ILogger, string, string, IDisposable?> CallScope =
        LoggerMessage.DefineScope<string, string>("call {ChannelId} from {Caller}");

    [Fact]
    public void JsonFormat_ChosenInConfiguration_WritesOneObjectPerLineWithTheCallScopeFields()
    {
        var (formatter, line) = WriteInACallScope(("Logging:Console:FormatterName", "json"));

        Assert.Equal("json", formatter);
        Assert.Single(line.TrimEnd('\n').Split('\n'));
        using var json = JsonDocument.Parse(line);
        Assert.Equal(2001, json.RootElement.GetProperty("EventId").GetInt32());
        Assert.Equal("Information", json.RootElement.GetProperty("LogLevel").GetString());
        var callScope = json.RootElement.GetProperty("Scopes")[0];
        Assert.Equal("1700000000.42", callScope.GetProperty("ChannelId").GetString());
        Assert.Equal("…0100", callScope.GetProperty("Caller").GetString());
        Assert.Equal("rule-a", json.RootElement.GetProperty("State").GetProperty("Rule").GetString());
    }

    [Fact]
    public void DefaultFormat_NothingConfigured_IsOneSimpleLineWithTheCallScope()
    {
        var (formatter, line) = WriteInACallScope();

        Assert.Equal("simple", formatter);
        Assert.Single(line.TrimEnd('\n').Split('\n'));
        Assert.Contains("[2001] => call 1700000000.42 from …0100", line, StringComparison.Ordinal);
        Assert.EndsWith("Call decision rule=rule-a", line.TrimEnd('\n'), StringComparison.Ordinal);
    }

    [Fact]
    public void SystemdFormat_ChosenInConfiguration_PrefixesTheSyslogPriority()
    {
        using var services = Build(("Logging:Console:FormatterName", "systemd"));
        var formatter = ChosenFormatter(services);

        var line = Write(formatter, new LoggerExternalScopeProvider());

        Assert.StartsWith("<6>", line, StringComparison.Ordinal);
    }

    /// <summary>Writes the decision line with the formatter the settings choose, inside a call's scope; gives the formatter's name and the text.</summary>
    private static (string Formatter, string Line) WriteInACallScope(params (string Key, string Value)[] settings)
    {
        using var services = Build(settings);
        var formatter = ChosenFormatter(services);
        var scopes = new LoggerExternalScopeProvider();
        using var scope = CallScope(new ScopeCapturingLogger(scopes), "1700000000.42", "…0100");

        return (formatter.Name, Write(formatter, scopes));
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddRouterConsole());
        return services.BuildServiceProvider();
    }

    private static ConsoleFormatter ChosenFormatter(IServiceProvider services)
    {
        var name = services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
        return services.GetServices<ConsoleFormatter>().Single(f => f.Name == name);
    }

    private static string Write(ConsoleFormatter formatter, IExternalScopeProvider scopes)
    {
        var state = new List<KeyValuePair<string, object?>> { new("Rule", "rule-a"), new("{OriginalFormat}", "Call decision rule={Rule}") };
        var entry = new LogEntry<List<KeyValuePair<string, object?>>>(
            LogLevel.Information, "AriCrmRouter.Service.Stasis.Session.CallSession", new EventId(2001, "Decision"), state, null, (_, _) => "Call decision rule=rule-a");
        using var output = new StringWriter();
        formatter.Write(in entry, scopes, output);
        return output.ToString();
    }

    /// <summary>A logger whose BeginScope pushes onto the given scope provider, as the console logger's does.</summary>
    private sealed class ScopeCapturingLogger(IExternalScopeProvider scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
