namespace AriCrmRouter.EndToEndTests;

/// <summary>
/// A POST rule against a CRM that, like a CGI/PHP endpoint, refuses bodies without Content-Length (the sample
/// CRM runs with SampleCrm:RequireContentLength): the router's JSON body arrives whole and the call is routed
/// by the CRM's answer, not sent to the default.
/// </summary>
[Collection(EndToEndTier.Name)]
public sealed class CustomCrmPostTests(EndToEndEnvironment stack)
{
    [Fact]
    public async Task PostRule_CrmRequiresContentLength_GoldCallerRoutedByTheAnswer()
    {
        var call = await stack.CallAsync(Dids.PostStatus, Callers.Gold);

        call.AssertLanded("queue:610", "post-status", "row-matched");
        var lookups = (await stack.Crm.LookupsAsync()).Where(l => l.Did == Dids.PostStatus).ToList();
        Assert.Contains(lookups, l => l.Status == 200 && l.CallerId == Callers.Gold && l.FieldName == "status");
        Assert.DoesNotContain(lookups, l => l.Status == 411);
    }
}
