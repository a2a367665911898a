namespace AriCrmRouter.Routing.Evaluation;

/// <summary>What a CRM lookup produced for the rule's field.</summary>
public abstract record LookupOutcome
{
    public static LookupOutcome Found(string value) => new FoundValue(value);

    public static LookupOutcome NotFound { get; } = new NoValue();

    public static LookupOutcome Failed(string reason) => new LookupFailure(reason);

    /// <summary>The CRM returned a value for the field.</summary>
    public sealed record FoundValue(string Value) : LookupOutcome;

    /// <summary>The CRM answered, but has no record for the key or no value in the field.</summary>
    public sealed record NoValue : LookupOutcome;

    /// <summary>No answer could be had: timeout, outage, open circuit, rejected credentials, unreadable answer.</summary>
    public sealed record LookupFailure(string Reason) : LookupOutcome;
}
