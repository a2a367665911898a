using AriCrmRouter.Crm.Phone;
using AriCrmRouter.Tests.Hostile;
using CsCheck;

namespace AriCrmRouter.Crm.Tests.Hostile;

/// <summary>The caller-ID and DTMF category of the hostile-input campaign (docs/hostile-input.md).</summary>
public class CallerInputCampaignTests
{
    private static readonly string[] Regions = ["US", "GB", "DE", "FR", "ZZ", "", "us", "XX", "USA", "001", "\n"];

    /// <summary>Caller IDs as channels carry them: numbers in every format, anonymous markers, and hostile text.</summary>
    private static readonly Gen<string> CallerId = Gen.Frequency(
        (4, Gen.String[Gen.Char["0123456789"], 0, 20]),
        (3, Gen.String[Gen.Char["+0123456789 ()-.#*x"], 0, 30]),
        (1, Gen.Int[0, 6].Select(i => new[] { "anonymous", "Anonymous", "unknown", "restricted", "+", "00", "+0" }[i])),
        (3, HostileText.Any));

    /// <summary>Keys typed on a phone, and what a broken or hostile channel could deliver as "digits".</summary>
    private static readonly Gen<string> Dtmf = Gen.Frequency(
        (4, Gen.String[Gen.Char["0123456789*#ABCDabcd"], 0, 40]),
        (2, HostileText.Any));

    [Fact]
    public void PhoneNumberForms_HostileCallerIds_GiveOnlyWellFormedForms()
    {
        HostileCampaign.Run(
            Gen.Select(CallerId, Gen.Int[0, Regions.Length - 1]),
            c =>
            {
                var forms = PhoneNumberForms.Parse(c.Item1, Regions[c.Item2]);

                Assert.All(forms.All, form => Assert.False(string.IsNullOrWhiteSpace(form)));
                Assert.All(forms.DigitForms, form => Assert.True(form.All(char.IsAsciiDigit), $"digit form '{form}'"));
                Assert.Equal(new string(c.Item1.Trim().Where(char.IsAsciiDigit).ToArray()), forms.Digits);
                Assert.True(forms.E164 is null || forms.E164.StartsWith('+'), forms.E164);
            },
            c => (200L * c.Item1.Length) + (512 * 1024));
    }

    [Fact]
    public void KeyHandling_HostileDtmfAndCallerIds_AreQuotedOrRefusedWithoutThrowing()
    {
        HostileCampaign.Run(
            Gen.Select(Dtmf, CallerId),
            c =>
            {
                var (dtmf, caller) = c;
                var input = new CallerInput(caller, dtmf, "5551000");
                Assert.NotNull(input.MaskedKey);
                Assert.NotNull(CallerInput.Mask(dtmf, 2));

                Assert.StartsWith("(Account_Number:equals:", ZohoCriteria.EqualsCriterion("Account_Number", dtmf), StringComparison.Ordinal);
                Assert.StartsWith("'", ODataFilter.Literal(dtmf), StringComparison.Ordinal);
                Assert.StartsWith("'", SalesforceQueryText.SoqlLiteral(dtmf), StringComparison.Ordinal);
                Assert.NotNull(SalesforceQueryText.SoslPhrase(dtmf));
                _ = SqlStringLiteral.Quote(dtmf);
                _ = BullhornQuery.LucenePhrase(dtmf);
                _ = BullhornQuery.Where(["customText1"], [dtmf, caller]);
                _ = ZendeskQuery.FieldEquals("user", "external_id", dtmf);
                _ = ZendeskQuery.Phone(new string(caller.Where(char.IsAsciiDigit).ToArray()));
            },
            c => (400L * (c.Item1.Length + c.Item2.Length)) + (256 * 1024));
    }
}
