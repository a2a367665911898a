using AriCrmRouter.Crm.CustomCrm;
using AriCrmRouter.Crm.Tests.Hostile.Vendors;
using AriCrmRouter.Tests.Hostile;
using CsCheck;

namespace AriCrmRouter.Crm.Tests.Hostile;

/// <summary>The custom-CRM-body category of the hostile-input campaign (docs/hostile-input.md).</summary>
public class CustomCrmAnswerCampaignTests
{
    private static readonly HttpStatusCode[] Statuses =
        [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.NotFound,
         HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.Found, (HttpStatusCode)299, (HttpStatusCode)999];

    private static readonly string?[] MediaTypes =
        [null, "application/json", "application/json", "text/plain", "text/plain", "text/html", "application/problem+json", "", "APPLICATION/JSON", "application/octet-stream"];

    private static readonly Gen<string> Field = Gen.Frequency((4, Gen.Const("status")), (1, HostileText.Any));

    /// <summary>JSON text: hostile strings, numbers, booleans and nulls, nested up to four levels.</summary>
    private static readonly Gen<string> Leaf = Gen.Frequency(
        (1, Gen.Const("null")),
        (4, HostileText.Any.Select(text => JsonSerializer.Serialize(text))),
        (2, Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Const("1e400")),
        (1, Gen.Bool.Select(b => b ? "true" : "false")));

    private static readonly Gen<string> JsonValueText = HostileVendorAnswer.Nested(Leaf, depth: 4, width: 4, (Leaf: 4, Array: 1, Object: 2));

    /// <summary>An object carrying the field (or <c>value</c>) most of the time, with hostile neighbours.</summary>
    private static readonly Gen<string> JsonBody = Gen.Select(Field, JsonValueText, JsonValueText, Gen.Int[0, 5], (field, value, other, shape) => shape switch
    {
        0 => $"{{{JsonSerializer.Serialize(field)}:{value}}}",
        1 => $"{{\"value\":{value},\"x\":{other}}}",
        2 => other,
        3 => $"{{{JsonSerializer.Serialize(field)}:{value}",
        4 => $"{{{JsonSerializer.Serialize(field)}:\"\\ud800\"}}",
        _ => $"[{value}]",
    });

    private static readonly Gen<string> TextBody = Gen.Frequency(
        (4, HostileText.Any),
        (1, Gen.String[Gen.Char, 0, 600]),
        (1, Gen.Int[0, 20_000].Select(n => new string('7', n))));

    [Theory]
    [InlineData("json")]
    [InlineData("text")]
    public void Read_HostileBodies_EndFoundNotFoundOrFailed(string bodies)
    {
        HostileCampaign.Run(
            Gen.Select(Gen.Int[0, Statuses.Length - 1], Gen.Int[0, MediaTypes.Length - 1], bodies == "json" ? JsonBody : TextBody, Field),
            c => AssertEnds(Statuses[c.Item1], MediaTypes[c.Item2], c.Item3, c.Item4),
            c => (40L * c.Item3.Length) + (256 * 1024));
    }

    private static void AssertEnds(HttpStatusCode status, string? mediaType, string body, string field)
    {
        LookupOutcome outcome;
        try
        {
            outcome = CustomCrmAnswer.Read(status, mediaType, body, field);
        }
        catch (CrmLookupException ex)
        {
            Assert.False(string.IsNullOrEmpty(ex.Message));
            return;
        }

        switch (outcome)
        {
            case LookupOutcome.FoundValue found:
                Assert.False(string.IsNullOrWhiteSpace(found.Value), "a found value is blank");
                Assert.Equal(found.Value.Trim(), found.Value);
                break;
            case LookupOutcome.NoValue:
                break;
            default:
                Assert.Fail($"the parser answered {outcome}; failures are thrown as CrmLookupException");
                break;
        }
    }
}
