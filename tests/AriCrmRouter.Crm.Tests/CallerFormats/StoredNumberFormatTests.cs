using System.Globalization;
using Xunit.Abstractions;

namespace AriCrmRouter.Crm.Tests.CallerFormats;

/// <summary>
/// The same caller, stored in every spelling of <see cref="StoredPhoneNumbers"/>, looked up through every
/// connector against its fake: each must find every required spelling, and the measured hit rates are the
/// table in <c>docs/crm/README.md</c>.
/// </summary>
public sealed class StoredNumberFormatTests(ITestOutputHelper output)
{
    public static TheoryData<string> Vendors() => [.. StoredNumberVendor.Names];

    [Theory]
    [MemberData(nameof(Vendors))]
    public async Task LookupAsync_CallerStoredInAnyRequiredFormat_FindsTheRecord(string vendor)
    {
        await using var crm = await StoredNumberVendor.StartAsync(vendor);
        var misses = new List<string>();
        foreach (var entry in StoredPhoneNumbers.Required)
        {
            if (await crm.FindAsync(entry.Stored, entry.CallerId) is not LookupOutcome.FoundValue)
            {
                misses.Add($"{entry.Country} '{entry.Stored}'");
            }
        }

        Assert.Empty(misses);
    }

    /// <summary>Every standard phone field of a module is searched by default, not only the first two.</summary>
    [Theory]
    [InlineData("sugarcrm", "phone_home")]
    [InlineData("sugarcrm", "phone_other")]
    [InlineData("suitecrm (v8)", "phone_home")]
    [InlineData("suitecrm (v8)", "phone_other")]
    [InlineData("suitecrm (v4_1)", "phone_home")]
    [InlineData("suitecrm (v4_1)", "phone_other")]
    [InlineData("vtiger", "homephone")]
    [InlineData("vtiger", "otherphone")]
    [InlineData("dynamics", "telephone3")]
    public async Task LookupAsync_NumberOnlyInAnotherStandardPhoneField_FindsTheRecord(string vendor, string phoneField)
    {
        await using var crm = await StoredNumberVendor.StartAsync(vendor);

        var outcome = await crm.FindAsync("(415) 555-0100", "+14155550100", phoneField);

        Assert.IsType<LookupOutcome.FoundValue>(outcome);
    }

    [Fact]
    public async Task HitRates_EveryConnector_AreTheTableInTheConnectorDocs()
    {
        var table = new StringBuilder()
            .AppendLine("| connector | required spellings found | unusual spellings found |")
            .AppendLine("|---|---|---|");
        foreach (var vendor in StoredNumberVendor.Names)
        {
            await using var crm = await StoredNumberVendor.StartAsync(vendor);
            var required = await CountFoundAsync(crm, StoredPhoneNumbers.Required);
            var unusual = await CountFoundAsync(crm, StoredPhoneNumbers.Unusual);
            table.Append(CultureInfo.InvariantCulture, $"| {vendor} | {Rate(required, StoredPhoneNumbers.Required.Count)} | {Rate(unusual, StoredPhoneNumbers.Unusual.Count)} |").AppendLine();
        }

        var measured = table.ToString().ReplaceLineEndings("\n");
        output.WriteLine(measured);
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "crm", "README.md")).ReplaceLineEndings("\n");
        Assert.Contains(measured, docs, StringComparison.Ordinal);
    }

    private static async Task<int> CountFoundAsync(StoredNumberVendor crm, IReadOnlyList<StoredPhoneNumbers.Entry> entries)
    {
        var found = 0;
        foreach (var entry in entries)
        {
            if (await crm.FindAsync(entry.Stored, entry.CallerId) is LookupOutcome.FoundValue)
            {
                found++;
            }
        }

        return found;
    }

    private static string Rate(int found, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"{found}/{total} ({100 * found / total}%)");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AriCrmRouter.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AriCrmRouter.sln not found above the test directory");
    }
}
