using AriCrmRouter.Routing.Files;
using AriCrmRouter.Routing.Validation;

namespace AriCrmRouter.Storage.Rules;

/// <summary>
/// The stored form of a rule set: a rule file whose custom CRM header values are encrypted
/// (<see cref="RuleHeaderSecrets"/>), so that export and import are the same text once decrypted.
/// </summary>
internal static class RuleDocument
{
    /// <summary>Throws <see cref="SecretUnreadableException"/> when a header value cannot be encrypted or a rule's stored values could not be decrypted (writing would lose them).</summary>
    public static string Serialize(RuleSet ruleSet, SecretProtector protector)
    {
        foreach (var rule in ruleSet.Rules)
        {
            if (rule.Crm is UnreadableCustomCrmSource unreadable)
            {
                throw new SecretUnreadableException(
                    $"rule '{rule.Name}': its custom CRM header values cannot be decrypted ({unreadable.Reason}), so the rule set "
                    + "cannot be written without losing them. Use the key ring that encrypted them, or import a rule file that gives them again (rules import --replace).");
            }
        }

        return RuleHeaderSecrets.Encrypt(RuleFileCodec.Serialize(ruleSet), protector);
    }

    /// <summary>
    /// The whole set or an exception: a document with any problem is never used in part. A rule whose header values
    /// cannot be decrypted stays in the set with an <see cref="UnreadableCustomCrmSource"/>, so it routes to its default.
    /// </summary>
    public static RuleSet Parse(string json, long version, SecretProtector protector)
    {
        RuleFileParseResult result;
        HeaderSecretsReport secrets;
        try
        {
            (var plain, secrets) = RuleHeaderSecrets.Decrypt(json, protector);
            result = RuleFileCodec.Parse(plain);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new StoredRuleSetInvalidException(version, [new ValidationProblem("", null, $"the document could not be read ({ex.GetType().Name})")]);
        }

        if (result.RuleSet is null || result.Problems.Count > 0)
        {
            IReadOnlyList<ValidationProblem> problems = result.Problems.Count > 0
                ? result.Problems
                : [new ValidationProblem("", null, "the document holds no rule set")];
            throw new StoredRuleSetInvalidException(version, problems);
        }

        return secrets.UnreadableRules.Count == 0 ? result.RuleSet : WithUnreadableSources(result.RuleSet, secrets);
    }

    /// <summary>How the stored header values stand, for the start-up check and <c>secrets status</c>.</summary>
    public static HeaderSecretsReport Inspect(string json, SecretProtector protector) => RuleHeaderSecrets.Decrypt(json, protector).Report;

    private static RuleSet WithUnreadableSources(RuleSet ruleSet, HeaderSecretsReport secrets)
    {
        var rules = ruleSet.Rules.Select(rule =>
            rule.Crm is CustomCrmSource custom && secrets.UnreadableRules.TryGetValue(rule.Name, out var reason)
                ? rule with { Crm = new UnreadableCustomCrmSource(custom.Url, custom.UsePost, reason) }
                : rule);
        return new RuleSet(rules, ruleSet.DidAssignments);
    }
}
