using AriCrmRouter.Crm.CustomCrm;

namespace AriCrmRouter.Crm.Tests.CustomCrm;

public sealed class CustomCrmAnswerTests
{
    [Theory]
    [InlineData("{\"status\":\"GOLD\"}")]
    [InlineData("{\"STATUS\":\"GOLD\"}")]
    [InlineData("{\"value\":\"GOLD\"}")]
    [InlineData("{\"other\":1,\"status\":\" GOLD \"}")]
    public void Read_JsonObjectWithFieldOrValue_ReturnsTheValue(string body)
    {
        var outcome = CustomCrmAnswer.Read(HttpStatusCode.OK, "application/json", body, "status");

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
    }

    [Fact]
    public void Read_FieldAndValueBothPresent_PrefersTheField()
    {
        var outcome = CustomCrmAnswer.Read(HttpStatusCode.OK, "application/json", "{\"value\":\"X\",\"status\":\"GOLD\"}", "status");

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
    }

    [Theory]
    [InlineData("{\"lifetime_value\":1250.50}", "1250.50")]
    [InlineData("{\"lifetime_value\":7}", "7")]
    [InlineData("{\"lifetime_value\":true}", "true")]
    public void Read_NonStringJsonValue_ReturnsItsInvariantText(string body, string expected)
    {
        var outcome = CustomCrmAnswer.Read(HttpStatusCode.OK, "application/json", body, "lifetime_value");

        Assert.Equal(LookupOutcome.Found(expected), outcome);
    }

    [Theory]
    [InlineData("text/plain", "GOLD\n", "GOLD")]
    [InlineData(null, "  SILVER  ", "SILVER")]
    public void Read_PlainText_ReturnsTheTrimmedBody(string? mediaType, string body, string expected)
    {
        var outcome = CustomCrmAnswer.Read(HttpStatusCode.OK, mediaType, body, "status");

        Assert.Equal(LookupOutcome.Found(expected), outcome);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "application/json", "{\"error\":\"no such caller\"}")]
    [InlineData(HttpStatusCode.NoContent, null, "")]
    [InlineData(HttpStatusCode.OK, "application/json", "")]
    [InlineData(HttpStatusCode.OK, "text/plain", "   ")]
    [InlineData(HttpStatusCode.OK, "application/json", "{\"status\":null}")]
    [InlineData(HttpStatusCode.OK, "application/json", "{\"status\":\"\"}")]
    [InlineData(HttpStatusCode.OK, "application/json", "{\"other\":\"GOLD\"}")]
    public void Read_NoValue_IsNotFound(HttpStatusCode status, string? mediaType, string body)
    {
        var outcome = CustomCrmAnswer.Read(status, mediaType, body, "status");

        Assert.Equal(LookupOutcome.NotFound, outcome);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "application/json", "{\"status\":", CrmFailureKind.MalformedResponse)]
    [InlineData(HttpStatusCode.OK, "application/json", "[\"GOLD\"]", CrmFailureKind.MalformedResponse)]
    [InlineData(HttpStatusCode.OK, "application/json", "{\"status\":{\"name\":\"GOLD\"}}", CrmFailureKind.MalformedResponse)]
    [InlineData(HttpStatusCode.OK, "text/html", "<html>GOLD</html>", CrmFailureKind.MalformedResponse)]
    [InlineData(HttpStatusCode.OK, "text/plain", "GOLD\nSILVER", CrmFailureKind.MalformedResponse)]
    [InlineData(HttpStatusCode.OK, "application/octet-stream", "\u0001\u0002", CrmFailureKind.MalformedResponse)]
    [InlineData(HttpStatusCode.InternalServerError, "text/plain", "oops", CrmFailureKind.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, null, "", CrmFailureKind.Unavailable)]
    [InlineData(HttpStatusCode.Unauthorized, null, "", CrmFailureKind.Unauthorized)]
    [InlineData(HttpStatusCode.TooManyRequests, null, "", CrmFailureKind.RateLimited)]
    [InlineData(HttpStatusCode.Found, null, "", CrmFailureKind.MalformedResponse)]
    public void Read_UnusableAnswer_FailsWithItsKind(HttpStatusCode status, string? mediaType, string body, CrmFailureKind kind)
    {
        var ex = Assert.Throws<CrmLookupException>(() => CustomCrmAnswer.Read(status, mediaType, body, "status"));

        Assert.Equal(kind, ex.Kind);
    }

    [Fact]
    public void Read_PlainTextLongerThanAFieldValue_Fails()
    {
        var body = new string('x', CustomCrmAnswer.MaxValueLength + 1);

        var ex = Assert.Throws<CrmLookupException>(() => CustomCrmAnswer.Read(HttpStatusCode.OK, "text/plain", body, "status"));

        Assert.Equal(CrmFailureKind.MalformedResponse, ex.Kind);
    }

    [Theory]
    [InlineData("{\"status\":\"GOLD\\nSILVER\"}")]
    [InlineData("{\"status\":\"GOLD\\u0000\"}")]
    [InlineData("{\"status\":\"\\u001b[31mGOLD\"}")]
    [InlineData("{\"status\":\"GO\\u0085LD\"}")]
    [InlineData("{\"value\":\"GOLD\\r\\nX-Injected: 1\"}")]
    [InlineData("{\"status\":\"GOLD\\u2028SILVER\"}")]
    [InlineData("{\"status\":\"GO\\ud800LD\"}")]
    [InlineData("{\"status\": \"\\ud800\"}")]
    [InlineData("{\"status\": \"GOLD\\udc00\"}")]
    [InlineData("{\"\\ud800\": \"GOLD\"}")]
    [InlineData("{\"value\": \"\\udbff\"}")]
    public void Read_JsonTextWithControlCharactersOrUnpairedSurrogateEscapes_Fails(string body)
    {
        var ex = Assert.Throws<CrmLookupException>(() => CustomCrmAnswer.Read(HttpStatusCode.OK, "application/json", body, "status"));

        Assert.Equal(CrmFailureKind.MalformedResponse, ex.Kind);
    }

    [Fact]
    public void Read_JsonStringLongerThanAFieldValue_Fails()
    {
        var body = $"{{\"status\":\"{new string('x', CustomCrmAnswer.MaxValueLength + 1)}\"}}";

        var ex = Assert.Throws<CrmLookupException>(() => CustomCrmAnswer.Read(HttpStatusCode.OK, "application/json", body, "status"));

        Assert.Equal(CrmFailureKind.MalformedResponse, ex.Kind);
        Assert.DoesNotContain("xxxx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonNumberLongerThanAFieldValue_Fails()
    {
        var body = $"{{\"status\":{new string('9', CustomCrmAnswer.MaxValueLength + 1)}}}";

        var ex = Assert.Throws<CrmLookupException>(() => CustomCrmAnswer.Read(HttpStatusCode.OK, "application/json", body, "status"));

        Assert.Equal(CrmFailureKind.MalformedResponse, ex.Kind);
    }

    [Fact]
    public void Read_JsonStringOfExactlyTheLimit_ReturnsIt()
    {
        var value = new string('x', CustomCrmAnswer.MaxValueLength);

        var outcome = CustomCrmAnswer.Read(HttpStatusCode.OK, "application/json", $"{{\"status\":\"{value}\"}}", "status");

        Assert.Equal(LookupOutcome.Found(value), outcome);
    }

    /// <summary>Answers that are not valid Unicode, found by the hostile-input campaign: a malformed answer, never a crash.</summary>
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
