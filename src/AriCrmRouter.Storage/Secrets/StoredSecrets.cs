namespace AriCrmRouter.Storage.Secrets;

/// <summary>
/// All secrets stored in Redis (custom CRM header values in the rule set, CRM connection secrets): how they stand
/// against the key ring, and re-encrypting them all with its current key (after a rotation, or to migrate values
/// that older versions wrote in plain text).
/// </summary>
public sealed class StoredSecrets(RedisRuleStore rules, RedisCrmConnectionStore connections, SecretProtector protector)
{
    public string KeyRingDescription => protector.KeyRingDescription;

    public async Task<StoredSecretsStatus> InspectAsync(CancellationToken cancellationToken)
    {
        var headers = await rules.InspectSecretsAsync(cancellationToken);
        var stored = await connections.InspectSecretsAsync(cancellationToken);
        return new StoredSecretsStatus(
            headers.Encrypted + stored.Sum(c => c.Encrypted),
            headers.PlainText + stored.Sum(c => c.PlainText),
            headers.UnreadableRules,
            stored.Where(c => c.Problem is not null).ToDictionary(c => c.Name, c => c.Problem!, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Rewrites every stored secret encrypted with the key ring's current key. Refuses (nothing written) when any
    /// stored secret cannot be decrypted; a rule-set change made meanwhile is not overwritten (run it again).
    /// </summary>
    public async Task<StoredSecretsStatus> ReencryptAsync(CancellationToken cancellationToken)
    {
        var before = await InspectAsync(cancellationToken);
        if (!before.AllReadable)
        {
            throw new SecretUnreadableException($"{KeyRingDescription} cannot decrypt {before.DescribeUnreadable()}; nothing was re-encrypted");
        }

        var (ruleSet, revision) = await rules.LoadWithRevisionAsync(cancellationToken);
        if (revision.Version > 0 && await rules.TryReplaceAsync(ruleSet.RuleSet, revision.Version, cancellationToken) is null)
        {
            throw new InvalidOperationException("the rule set changed while it was being re-encrypted; run the command again");
        }

        foreach (var connection in await connections.ListAsync(cancellationToken))
        {
            await connections.SaveAsync(connection, cancellationToken);
        }

        return await InspectAsync(cancellationToken);
    }
}

/// <summary>Counts of stored secrets and, by rule or connection name, why some cannot be decrypted. Never a value.</summary>
public sealed record StoredSecretsStatus(
    int Encrypted,
    int PlainText,
    IReadOnlyDictionary<string, string> UnreadableRules,
    IReadOnlyDictionary<string, string> UnreadableConnections)
{
    public bool AllReadable => UnreadableRules.Count == 0 && UnreadableConnections.Count == 0;

    /// <summary>"the header values of rule(s) 'a' and the secrets of CRM connection(s) 'b' (reason)".</summary>
    public string DescribeUnreadable()
    {
        var parts = new List<string>();
        if (UnreadableRules.Count > 0)
        {
            parts.Add($"the custom CRM header values of rule(s) {Names(UnreadableRules.Keys)}");
        }

        if (UnreadableConnections.Count > 0)
        {
            parts.Add($"the secrets of CRM connection(s) {Names(UnreadableConnections.Keys)}");
        }

        var reason = UnreadableRules.Values.Concat(UnreadableConnections.Values).FirstOrDefault();
        return $"{string.Join(" and ", parts)} ({reason})";
    }

    private static string Names(IEnumerable<string> names) =>
        string.Join(", ", names.Order(StringComparer.OrdinalIgnoreCase).Select(name => $"'{name}'"));
}
