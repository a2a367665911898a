namespace AriCrmRouter.Crm.Connectors;

public enum CrmFailureKind
{
    /// <summary>The connection or rule is not usable as configured.</summary>
    Configuration,

    /// <summary>The CRM rejected the credentials, even after one refresh.</summary>
    Unauthorized,

    /// <summary>The CRM asked us to slow down (429, or the vendor's equivalent).</summary>
    RateLimited,

    /// <summary>The CRM could not be reached or answered with a server error.</summary>
    Unavailable,

    /// <summary>The CRM answered something we cannot read.</summary>
    MalformedResponse,
}

/// <summary>A failed CRM lookup. Messages name the connection and the step, never a secret.</summary>
public sealed class CrmLookupException : Exception
{
    public CrmLookupException(CrmFailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public CrmLookupException()
        : this(CrmFailureKind.Unavailable, "CRM lookup failed")
    {
    }

    public CrmLookupException(string message)
        : this(CrmFailureKind.Unavailable, message)
    {
    }

    public CrmLookupException(string message, Exception innerException)
        : this(CrmFailureKind.Unavailable, message, innerException)
    {
    }

    public CrmFailureKind Kind { get; }

    /// <summary>How long the CRM asked us to wait, when it said so (Retry-After).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
