namespace AriCrmRouter.Crm.Tests.Contract;

/// <summary>
/// Answers only one vendor gives (its own error shapes, a body without its record list), put in place of its
/// lookup answer, and the failure each must end in. The failures every vendor shares (an outage, a rejected
/// credential, a rate limit, unreadable JSON) are <see cref="ConnectorContractTests"/>.
/// </summary>
public sealed class VendorErrorAnswerTests
{
    [Theory]
    [InlineData("vtiger", 200, """{"result":[]}""", CrmFailureKind.MalformedResponse)]
    [InlineData("vtiger", 200, """{"success":false,"error":{"code":"QUERY_SYNTAX_ERROR","message":"Syntax Error on line 1: token 'x' Unexpected"}}""", CrmFailureKind.Configuration)]
    [InlineData("suitecrm-v8", 200, """{"errors":null}""", CrmFailureKind.MalformedResponse)]
    [InlineData("bullhorn", 200, """{"total":1}""", CrmFailureKind.MalformedResponse)]
    [InlineData("salesforce", 403, """[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""", CrmFailureKind.RateLimited)]
    [InlineData("salesforce", 400, """[{"message":"No such column 'Statuz__c'","errorCode":"INVALID_FIELD"}]""", CrmFailureKind.Configuration)]
    public async Task LookupAsync_VendorSpecificAnswer_EndsInItsFailureKind(string kind, int status, string body, CrmFailureKind expected)
    {
        await using var subject = await ContractSubjects.StartAsync(kind);
        subject.Server.Fault = new FakeFault(subject.IsLookupRequest, status, body) { ContentType = kind == "suitecrm-v8" ? "application/vnd.api+json" : null };

        var failure = await Assert.ThrowsAsync<CrmLookupException>(() => subject.LookupAsync(subject.Found));

        Assert.Equal(expected, failure.Kind);
    }
}
