namespace AriCrmRouter.Storage.Decisions;

/// <summary>
/// One routing decision as a router reports it for the Recent calls screen: already masked the way the
/// router logs it (the caller appears as the router's masked lookup key, never in clear).
/// </summary>
public sealed record DecisionRecord(
    DateTimeOffset At,
    string ChannelId,
    string Rule,
    string Key,
    string Value,
    string Reason,
    string Row,
    string Destination,
    long LookupMs,
    string Result)
{
    /// <summary>The Asterisk server the call came from (<c>Ari:Servers:N:Name</c>, or <c>default</c>); empty in older entries.</summary>
    public string Server { get; init; } = "";

    /// <summary>The stream entry id (set when read back); later entries have larger ids.</summary>
    public string? Id { get; init; }
}
