namespace AriCrmRouter.Storage.Redis;

/// <summary>The names of every key and channel the router uses, all under one configurable prefix.</summary>
internal sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    /// <summary>The whole rule set (rules and DID assignments) as one rule-file JSON document.</summary>
    public string RuleDocument => Prefix + "rules:document";

    /// <summary>Incremented by every write of <see cref="RuleDocument"/>, in the same transaction.</summary>
    public string RuleVersion => Prefix + "rules:version";

    /// <summary>
    /// A random value rewritten with every write, so that a router notices a new document even when a Redis
    /// that lost its data hands out a version number it has already seen.
    /// </summary>
    public string RuleStamp => Prefix + "rules:stamp";

    /// <summary>Channel on which the new version number is published after each write.</summary>
    public string RuleChangeChannel => Prefix + "rules:changed";

    /// <summary>Hash of connection name (lower case) to its JSON.</summary>
    public string CrmConnections => Prefix + "crm:connections";

    /// <summary>
    /// Hash of connection name (lower case) to the newest refresh token its CRM issued (encrypted, with the
    /// configuration it belongs to), for CRMs whose refresh tokens are single use.
    /// </summary>
    public string CrmRefreshTokens => Prefix + "crm:refresh-tokens";

    /// <summary>
    /// Lives while the router serving this ARI application on the Asterisk server named <paramref name="server"/>
    /// renews it (several routers on one Asterisk). Server names have no colon, so the key is unambiguous.
    /// </summary>
    public string RouterPresence(string server, string application) => Prefix + "routers:" + server + ":" + application;

    /// <summary>
    /// Held by the one router that takes over a call of a router that died; a channel id is unique only within its
    /// Asterisk server, hence the server's name.
    /// </summary>
    public string OrphanLease(string server, string channelId) => Prefix + "orphans:" + server + ":" + channelId;

    /// <summary>Cache entry for a lookup key that is already hashed (no caller number in clear).</summary>
    public string CachedAnswer(string hashedLookupKey) => Prefix + "cache:" + hashedLookupKey;
}
