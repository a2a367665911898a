using Microsoft.Extensions.Logging;

namespace AriCrmRouter.SampleCrm;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Sample CRM listening on https://{Address}:{Port} with {Customers} customers, mode {Mode}")]
    public static partial void Started(ILogger logger, string address, int port, int customers, CrmMode mode);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Lookup field {Field} (dtmf given: {HasDtmf}, did {Did}) -> {Status}")]
    public static partial void Lookup(ILogger logger, string field, bool hasDtmf, string did, int status);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Mode changed to {Mode}")]
    public static partial void ModeChanged(ILogger logger, CrmMode mode);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "No certificate configured: using an ephemeral self-signed certificate for localhost (clients must skip or pin it)")]
    public static partial void EphemeralCertificate(ILogger logger);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Lookup rejected: the required header is missing or wrong")]
    public static partial void MissingRequiredHeader(ILogger logger);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Lookup rejected with 411: a POST body without Content-Length (chunked)")]
    public static partial void LengthRequired(ILogger logger);
}
