using Microsoft.Extensions.Logging;

namespace AriCrmRouter.Crm.Connectors.Zendesk;

/// <summary>Zendesk connector log events (4520-4559). Never logs tokens, e-mail/token pairs or URLs.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4520, Level = LogLevel.Debug, Message = "Zendesk {Connection}: searching {Module} by {Criterion}")]
    public static partial void Searching(ILogger logger, string connection, string module, string criterion);

    [LoggerMessage(EventId = 4521, Level = LogLevel.Debug, Message = "Zendesk {Connection}: reading the user's organization")]
    public static partial void ReadingOrganization(ILogger logger, string connection);

    [LoggerMessage(EventId = 4522, Level = LogLevel.Debug, Message = "Zendesk {Connection}: {Module} lookup answered {Outcome}")]
    public static partial void Answered(ILogger logger, string connection, string module, string outcome);
}
