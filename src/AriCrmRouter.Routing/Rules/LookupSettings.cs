namespace AriCrmRouter.Routing.Rules;

/// <summary>Per-rule overrides for the CRM lookup; a <c>null</c> member means the service default.</summary>
public sealed record LookupSettings
{
    public static LookupSettings Defaults { get; } = new();

    /// <summary>Overall deadline for one lookup, retries included.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>How long a value found in the CRM is cached.</summary>
    public TimeSpan? CacheTtl { get; init; }

    /// <summary>How long a "not found" answer is cached.</summary>
    public TimeSpan? NegativeCacheTtl { get; init; }
}
