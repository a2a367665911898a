namespace AriCrmRouter.Storage.Rules;

/// <summary>
/// Identifies one write of the rule document: its version and the random stamp written with it. Two reads
/// with equal revisions saw the same document, even across a Redis restart that lost the data.
/// </summary>
internal readonly record struct RuleSetRevision(long Version, string? Stamp);
