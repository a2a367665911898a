namespace AriCrmRouter.Crm.Tests.ConnectorSupport;

public sealed class VendorJsonTests
{
    [Fact]
    public void FieldOutcome_NestedPathMatchedIgnoringCase_RendersTheValue()
    {
        using var document = JsonDocument.Parse("""{"Attributes":{"status_c":"GOLD"}}""");

        Assert.Equal(LookupOutcome.Found("GOLD"), VendorJson.FieldOutcome(document.RootElement, "attributes", "STATUS_C"));
    }

    [Theory]
    [InlineData("""{"attributes":{}}""")]
    [InlineData("""{"attributes":{"status_c":null}}""")]
    [InlineData("""{"attributes":{"status_c":"  "}}""")]
    public void FieldOutcome_MissingOrEmpty_IsNotFound(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(LookupOutcome.NotFound, VendorJson.FieldOutcome(document.RootElement, "attributes", "status_c"));
    }

    [Fact]
    public void FirstItem_EmptyList_IsNull()
    {
        using var document = JsonDocument.Parse("""{"data":[]}""");

        Assert.Null(VendorJson.FirstItem(document.RootElement, "data", "main", "search"));
    }

    [Fact]
    public void FirstItem_NoList_IsMalformed()
    {
        using var document = JsonDocument.Parse("""{"data":{"id":1}}""");

        var failure = Assert.Throws<CrmLookupException>(() => VendorJson.FirstItem(document.RootElement, "data", "main", "search"));

        Assert.Equal(CrmFailureKind.MalformedResponse, failure.Kind);
    }
}
