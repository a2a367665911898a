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
    [InlineData("""{"label":"work","value":"+1 415 555 0100","primary":true}""", "+1 415 555 0100")]
    [InlineData("""[{"label":"work","value":"(415) 555-0100"},{"label":"mobile","value":"+44 20 7946 0018"}]""", "(415) 555-0100, +44 20 7946 0018")]
    [InlineData("""{"id":27,"label":"Gold"}""", "Gold")]
    [InlineData("""{"Label":"Active","Value":1}""", "1")]
    public void Render_ValueShapes_GiveInvariantTextAndLabelledValuesTheValue(string json, string expected)
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

    [Theory]
    [InlineData("\"line one\\nline two\"")]
    [InlineData("\"tab\\there\"")]
    [InlineData("\"bell\\u0007\"")]
    [InlineData("[\"ok\",\"bad\\r\"]")]
    public void Render_ControlCharacters_IsMalformed(string json)
    {
        using var document = JsonDocument.Parse(json);

        var failure = Assert.Throws<CrmLookupException>(() => JsonFieldText.Render(document.RootElement));

        Assert.Equal(CrmFailureKind.MalformedResponse, failure.Kind);
    }

    [Fact]
    public void Render_TextOverTheCustomCrmLimit_IsMalformedAndAtTheLimitIsKept()
    {
        using var over = JsonDocument.Parse(JsonSerializer.Serialize(new string('x', FieldValueBounds.MaxLength + 1)));
        using var at = JsonDocument.Parse(JsonSerializer.Serialize(new string('x', FieldValueBounds.MaxLength)));

        Assert.Equal(CrmFailureKind.MalformedResponse, Assert.Throws<CrmLookupException>(() => JsonFieldText.Render(over.RootElement)).Kind);
        Assert.Equal(FieldValueBounds.MaxLength, JsonFieldText.Render(at.RootElement)!.Length);
    }
}
