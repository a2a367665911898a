namespace AriCrmRouter.Storage.History;

/// <summary>What a recorded change touched.</summary>
public static class ChangeSubjects
{
    /// <summary>The rule set (rules and DID assignments); such a record keeps the whole document and can be restored.</summary>
    public const string Rules = "rules";

    /// <summary>A CRM connection; its secrets are never recorded, so such a record cannot be restored.</summary>
    public const string Connection = "connection";
}

/// <summary>
/// One change: who made it, when, to what, and a short description. Rule-set changes carry
/// <see cref="RuleVersion"/>, the version they wrote, whose document <see cref="RedisChangeHistory"/> keeps.
/// </summary>
public sealed record ChangeRecord(
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Subject,
    string Summary,
    long? RuleVersion);
