namespace AriCrmRouter.Crm.Tests.ConnectorSupport;

public sealed class JsonFieldTextTests
{
    [Theory]
    [InlineData("\"GOLD\"", "GOLD")]
    [InlineData("125000.50", "125000.50")]
    [InlineData("1e3", "1e3")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("{\"name\":\"Acme\",\"id\":\"1\"}", "Acme")]
    [InlineData("{\"Value\":100000000}", "100000000")]
    [InlineData("[\"A\",\"B\"]", "A, B")]
    public void Render_ValueShapes_GiveInvariantText(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, JsonFieldText.Render(document.RootElement));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("[]")]
    [InlineData("{\"id\":\"1\"}")]
    public void Render_EmptyShapes_GiveNoValue(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Null(JsonFieldText.Render(document.RootElement));
    }

    [Fact]
    public void TryGetPath_DottedRelationship_FollowsNestedObjects()
    {
        using var document = JsonDocument.Parse("{\"Account\":{\"Owner\":{\"Name\":\"Kim\"}}}");

        Assert.True(JsonFieldText.TryGetPath(document.RootElement, "Account.Owner.Name", out var value));
        Assert.Equal("Kim", value.GetString());
        Assert.False(JsonFieldText.TryGetPath(document.RootElement, "Account.Missing", out _));
    }
}
