using System.Text.RegularExpressions;
using AriCrmRouter.Crm.Connectors;

namespace AriCrmRouter.Crm.Tests.Descriptors;

/// <summary>Each vendor page of docs/crm lists exactly the settings and secrets its connector's descriptor declares, required ones as required.</summary>
public sealed partial class ConnectorDocsTests
{
    private static readonly string Repo = FindRepo();

    public static TheoryData<string> StoredKinds() => [.. CrmConnectorCatalog.StoredKinds];

    [Theory]
    [MemberData(nameof(StoredKinds))]
    public void VendorPage_KeyTable_MatchesTheDescriptor(string kind)
    {
        var page = File.ReadAllText(Path.Combine(Repo, "docs", "crm", kind + ".md"));
        var documented = KeyRow().Matches(page)
            .Select(m => $"{m.Groups["name"].Value} {m.Groups["role"].Value}{(m.Groups["required"].Success ? " required" : "")}")
            .Order(StringComparer.Ordinal);

        var declared = CrmConnectorCatalog.Find(kind)!.Keys
            .Select(k => $"{k.Name} {k.Role}{(k.IsRequired ? " required" : "")}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, documented);
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AriCrmRouter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (AriCrmRouter.sln) not found above " + AppContext.BaseDirectory);
    }

    // "setting, required" (one table style), a "yes" column (another), or "both, required" (SuiteCRM's per-API column).
    [GeneratedRegex(@"(?m)^\| `(?<name>\w+)` \| (?<role>setting|secret)(?<required>, required| \| yes \|| \| both, required)?")]
    private static partial Regex KeyRow();
}
