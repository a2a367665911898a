namespace AriCrmRouter.Routing.Tests.Files;

/// <summary>Member-by-member equality of rule sets (RuleSet and the collections inside rules compare by reference).</summary>
internal static class RuleSetAssert
{
    public static void Equivalent(RuleSet expected, RuleSet actual)
    {
        Assert.Equal(expected.Rules.Count, actual.Rules.Count);
        foreach (var (want, got) in expected.Rules.Zip(actual.Rules))
        {
            Assert.Equal(want with { Rows = [], Crm = null! }, got with { Rows = [], Crm = null! });
            Assert.Equal(want.Rows, got.Rows);
            EquivalentCrm(want.Crm, got.Crm);
        }

        Assert.Equal(
            expected.DidAssignments.OrderBy(pair => pair.Key, StringComparer.Ordinal),
            actual.DidAssignments.OrderBy(pair => pair.Key, StringComparer.Ordinal));
    }

    private static void EquivalentCrm(CrmSource expected, CrmSource actual)
    {
        if (expected is CustomCrmSource want && actual is CustomCrmSource got)
        {
            Assert.Equal(want.Url, got.Url);
            Assert.Equal(want.UsePost, got.UsePost);
            Assert.Equal(want.Headers.OrderBy(h => h.Key, StringComparer.Ordinal), got.Headers.OrderBy(h => h.Key, StringComparer.Ordinal));
        }
        else
        {
            Assert.Equal(expected, actual);
        }
    }
}
