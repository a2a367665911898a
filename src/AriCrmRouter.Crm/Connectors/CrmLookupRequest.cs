namespace AriCrmRouter.Crm.Connectors;

/// <summary>
/// One lookup: find one record in <see cref="Module"/> and read <see cref="Field"/> (an API name).
/// The record is found by <see cref="KeyField"/> = <see cref="Dtmf"/> when both are present (IVR rules),
/// otherwise by the caller's number against the module's phone fields.
/// </summary>
public sealed record CrmLookupRequest
{
    public required string Module { get; init; }

    public required string Field { get; init; }

    public string? KeyField { get; init; }

    public required string CallerNumber { get; init; }

    public string? Dtmf { get; init; }

    /// <summary>The number the caller dialed, when known.</summary>
    public string? Did { get; init; }

    public bool ByKey => !string.IsNullOrEmpty(Dtmf) && !string.IsNullOrEmpty(KeyField);
}
