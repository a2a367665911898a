namespace AriCrmRouter.Crm.Tests.CallerFormats;

/// <summary>Every standard phone field of a module is searched by default, not only the first two.</summary>
public sealed class StandardPhoneFieldTests
{
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
}
