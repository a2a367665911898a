using AriCrmRouter.Routing.Files;
using AriCrmRouter.Routing.Rules;
using AriCrmRouter.Routing.Validation;

namespace AriCrmRouter.Storage.Rules;

/// <summary>The stored form of a rule set: exactly a rule file, so that export and import are the same text.</summary>
internal static class RuleDocument
{
    public static string Serialize(RuleSet ruleSet) => RuleFileCodec.Serialize(ruleSet);

    /// <summary>The whole set or an exception: a document with any problem is never used in part.</summary>
    public static RuleSet Parse(string json, long version)
    {
        RuleFileParseResult result;
        try
        {
            result = RuleFileCodec.Parse(json);
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

        return result.RuleSet;
    }
}
