using AriCrmRouter.Crm.CustomCrm;

namespace AriCrmRouter.Crm.Tests.CustomCrm;

/// <summary>Answers that are not valid Unicode, found by the hostile-input campaign: a malformed answer, never a crash.</summary>
public class CustomCrmAnswerUnicodeTests
{
    [Theory]
    [InlineData("{\"status\": \"\\ud800\"}")]
    [InlineData("{\"status\": \"GOLD\\udc00\"}")]
    [InlineData("{\"\\ud800\": \"GOLD\"}")]
    [InlineData("{\"value\": \"\\udbff\"}")]
    public void Read_UnpairedSurrogateEscape_IsAMalformedAnswer(string body)
    {
        var error = Assert.Throws<CrmLookupException>(() => CustomCrmAnswer.Read(HttpStatusCode.OK, "application/json", body, "status"));

        Assert.Equal(CrmFailureKind.MalformedResponse, error.Kind);
    }

    [Fact]
    public void Read_UnpairedSurrogateCharacter_IsAMalformedAnswer()
    {
        // Built at run time: a lone surrogate in an attribute argument would be replaced when compiled.
        string[] bodies = ["\ud800", "{\"status\": \"A\ud800\"}"];

        Assert.All(bodies, body => Assert.Equal(
            CrmFailureKind.MalformedResponse,
            Assert.Throws<CrmLookupException>(() => CustomCrmAnswer.Read(HttpStatusCode.OK, "application/json", body, "status")).Kind));
    }
}
