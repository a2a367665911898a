using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Routing.Evaluation;
using AriCrmRouter.TestKit.Http;

namespace AriCrmRouter.Crm.Tests.Contract;

/// <summary>
/// The behaviour every connector owes the lookup service, asked of each against its fake CRM: found, not found,
/// an outage, a rejected credential (renewed once), a rate limit with the wait it named, and an unreadable answer.
/// Vendor pages test what is particular to each vendor.
/// </summary>
public sealed class ConnectorContractTests
{
    public static TheoryData<string> Kinds => new(ContractSubjects.Kinds);

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LookupAsync_RecordWithTheField_AnswersItsValue(string kind)
    {
        await using var subject = await ContractSubjects.StartAsync(kind);

        Assert.Equal(LookupOutcome.Found(subject.FoundValue), await subject.LookupAsync(subject.Found));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LookupAsync_NoRecord_AnswersNotFound(string kind)
    {
        await using var subject = await ContractSubjects.StartAsync(kind);

        Assert.Equal(LookupOutcome.NotFound, await subject.LookupAsync(subject.Missing));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LookupAsync_ServerError_ThrowsUnavailable(string kind)
    {
        await using var subject = await ContractSubjects.StartAsync(kind);
        subject.Server.Fault = new FakeFault(subject.IsLookupRequest, 503);

        Assert.Equal(CrmFailureKind.Unavailable, (await FailureAsync(subject)).Kind);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LookupAsync_CredentialRejectedOnce_RenewsItAndAnswers(string kind)
    {
        await using var subject = await ContractSubjects.StartAsync(kind);
        subject.Server.Fault = new FakeFault(subject.IsLookupRequest, 401, times: 1);

        Assert.Equal(LookupOutcome.Found(subject.FoundValue), await subject.LookupAsync(subject.Found));
        Assert.Equal(1, subject.Server.Fault.Taken);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LookupAsync_CredentialRejectedAgainAfterRenewal_ThrowsUnauthorized(string kind)
    {
        await using var subject = await ContractSubjects.StartAsync(kind);
        subject.Server.Fault = new FakeFault(subject.IsLookupRequest, 401);

        Assert.Equal(CrmFailureKind.Unauthorized, (await FailureAsync(subject)).Kind);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LookupAsync_TooManyRequests_ThrowsRateLimitedWithTheRetryAfter(string kind)
    {
        await using var subject = await ContractSubjects.StartAsync(kind);
        subject.Server.Fault = new FakeFault(subject.IsLookupRequest, 429) { Headers = { ["Retry-After"] = "7" } };

        var failure = await FailureAsync(subject);

        Assert.Equal((CrmFailureKind.RateLimited, TimeSpan.FromSeconds(7)), (failure.Kind, failure.RetryAfter));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LookupAsync_UnreadableAnswer_ThrowsMalformedResponse(string kind)
    {
        await using var subject = await ContractSubjects.StartAsync(kind);
        subject.Server.Fault = new FakeFault(subject.IsLookupRequest, 200, """{"data": [{"id": 1, "unfinished""");

        Assert.Equal(CrmFailureKind.MalformedResponse, (await FailureAsync(subject)).Kind);
    }

    private static Task<CrmLookupException> FailureAsync(ContractSubject subject) =>
        Assert.ThrowsAsync<CrmLookupException>(() => subject.LookupAsync(subject.Found));
}
