using Xunit.Abstractions;

namespace AriCrmRouter.Crm.Tests.CallerFormats;

/// <summary>
/// Asking for every spelling makes queries long; connectors that put them in a GET URL must stay within
/// what web servers accept by default (Apache and nginx: 8 KB request lines).
/// </summary>
public sealed class PhoneQueryLengthTests(ITestOutputHelper output)
{
    private const int DefaultRequestLineLimit = 8 * 1024;

    [Theory]
    [MemberData(nameof(StoredNumberFormatTests.Vendors), MemberType = typeof(StoredNumberFormatTests))]
    public async Task LookupAsync_EveryRequiredCaller_StaysWithinDefaultRequestLineLimits(string vendor)
    {
        await using var crm = await StoredNumberVendor.StartAsync(vendor);
        foreach (var callerId in StoredPhoneNumbers.Required.Select(e => e.CallerId).Distinct())
        {
            await crm.FindAsync("no such number", callerId);
        }

        output.WriteLine($"{vendor}: longest path and query {crm.LongestPathAndQuery} characters");
        Assert.InRange(crm.LongestPathAndQuery, 1, DefaultRequestLineLimit - 512);
    }
}
