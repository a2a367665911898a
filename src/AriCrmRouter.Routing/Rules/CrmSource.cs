namespace AriCrmRouter.Routing.Rules;

/// <summary>Which CRM a rule asks: one of the configured integrations, or a custom HTTPS endpoint.</summary>
public abstract record CrmSource;

/// <summary>
/// "CRM from CRM &gt; Integration": a named connection (vendor, credentials) and the module to search.
/// <paramref name="KeyField"/> is the field matched against the caller's DTMF (IVR rules); the caller's
/// number is matched against the module's phone fields.
/// </summary>
public sealed record IntegrationCrmSource(string Connection, string Module, string? KeyField = null) : CrmSource;

/// <summary>"Custom CRM": the router calls <paramref name="Url"/> (https only) with the documented query parameters.</summary>
public sealed record CustomCrmSource(Uri Url, bool UsePost, IReadOnlyDictionary<string, string> Headers) : CrmSource;

/// <summary>
/// A custom CRM whose header values (encrypted at rest) this process cannot decrypt: it is never called, so every
/// call under the rule goes to the rule's default destination. <paramref name="Reason"/> says why, without secrets.
/// </summary>
public sealed record UnreadableCustomCrmSource(Uri Url, bool UsePost, string Reason) : CrmSource;
