namespace AriCrmRouter.Crm.Tests.Contract;

/// <summary>
/// The behaviour every connector owes the lookup service, asked of each against its fake CRM: found, not found,
/// a record without the value, an outage, a rejected credential (renewed once), a rate limit with the wait it
/// named, an unreadable or oversized answer, a CRM that never answers, a credential used for more than one
/// lookup, and secrets kept out of URLs and failure messages. Vendor pages test what is particular to each vendor.
/// </summary>
public sealed class ConnectorContractTests
{
    public static TheoryData<string> Kinds => new(ContractSubjects.Kinds);

    /// <summary>Every connector with each broken answer of <see cref="BrokenAnswer"/>.</summary>
    public static TheoryData<string, string> KindsAndBrokenAnswers
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var kind in ContractSubjects.Kinds)
            {
                foreach (var answer in new[] { "outage", "unreadable json", "html page" })
                {
                    data.Add(kind, answer);
                }
            }

            return data;
        }
    }

    /// <summary>Every connector but the custom CRM, whose fixed headers cannot be renewed.</summary>
    public static TheoryData<string> RenewingKinds => new(ContractSubjects.Kinds.Where(k => k != "custom"));

    /// <summary>
    /// Every connector but Bullhorn, whose documented default authorize form carries the password in its query
    /// (BullhornConnectorTests covers the POST form, which keeps it out).
    /// </summary>
    public static TheoryData<string> UrlCleanKinds => new(ContractSubjects.Kinds.Where(k => k != "bullhorn"));

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LookupAsync_RecordWithTheField_AnswersItsValue(string kind)
    {
        await using var subject = await ContractSubjects.StartAsync(kind);

        Assert.Equal(LookupOutcome.Found(ContractSubject.FoundValue), await subject.LookupAsync(subject.Found));
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
    public async Task LookupAsync_RecordWithoutAValueInTheField_AnswersNotFound(string kind)
    {
        await using var subject = await ContractSubjects.StartAsync(kind);

        Assert.Equal(LookupOutcome.NotFound, await subject.LookupAsync(subject.WithoutValue));
    }

    [Theory]
    [MemberData(nameof(KindsAndBrokenAnswers))]
    public async Task LookupAsync_BrokenAnswer_ThrowsItsFailureKind(string kind, string answer)
    {
        await using var subject = await ContractSubjects.StartAsync(kind);
        var (fault, expected) = BrokenAnswer(subject, answer);
        subject.Server.Fault = fault;

        Assert.Equal(expected, (await FailureAsync(subject)).Kind);
    }

    [Theory]
    [MemberData(nameof(RenewingKinds))]
    public async Task LookupAsync_CredentialRejectedOnce_RenewsItAndAnswers(string kind)
    {
        await using var subject = await ContractSubjects.StartAsync(kind);
        subject.Server.Fault = new FakeFault(subject.IsLookupRequest, 401, times: 1);

        Assert.Equal(LookupOutcome.Found(ContractSubject.FoundValue), await subject.LookupAsync(subject.Found));
        Assert.Equal(1, subject.Server.Fault.Taken);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LookupAsync_CredentialRejectedAgainAfterRenewal_ThrowsUnauthorized(string kind)
    {
        await using var subject = await ContractSubjects.StartAsync(kind);
        subject.Server.Fault = new FakeFault(subject.IsLookupRequest, 401);

        Assert.Equal(CrmFailureKind.Unauthorized, (await FailureAsync(subject)).Kind);
        Assert.Equal(subject.RenewsCredentials ? 2 : 1, subject.Server.Fault.Taken);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LookupAsync_TooManyRequests_ThrowsRateLimitedWithTheRetryAfter(string kind)
    {
        await using var subject = await ContractSubjects.StartAsync(kind);
        subject.Server.Fault = new FakeFault(subject.IsLookupRequest, 429) { Headers = { ["Retry-After"] = "7" } };

        var failure = await FailureAsync(subject);

        Assert.Equal((CrmFailureKind.RateLimited, subject.ReadsRetryAfter ? TimeSpan.FromSeconds(7) : (TimeSpan?)null), (failure.Kind, failure.RetryAfter));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LookupAsync_AnswerLargerThanTheLimit_ThrowsMalformedResponse(string kind)
    {
        await using var subject = await ContractSubjects.StartAsync(kind, new CrmOptions { MaxResponseBytes = 1024 });
        subject.Server.Fault = new FakeFault(subject.IsLookupRequest, 200, $$"""{"data": [{"value": "{{new string('x', 4096)}}"}]}""");

        Assert.Equal(CrmFailureKind.MalformedResponse, (await FailureAsync(subject)).Kind);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LookupAsync_CrmNeverAnswers_EndsWhenTheDeadlineCancelsIt(string kind)
    {
        await using var subject = await ContractSubjects.StartAsync(kind);
        subject.Server.Fault = new FakeFault(subject.IsLookupRequest, 200) { Hangs = true };
        using var deadline = new CancellationTokenSource();

        var lookup = subject.LookupAsync(subject.Found, deadline.Token);
        await subject.Server.Fault.Reached;
        await deadline.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lookup);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LookupAsync_SecondLookup_ReusesTheCredential(string kind)
    {
        await using var subject = await ContractSubjects.StartAsync(kind);
        await subject.LookupAsync(subject.Found);
        var afterFirst = subject.CredentialRequests;

        Assert.Equal(LookupOutcome.NotFound, await subject.LookupAsync(subject.Missing));

        Assert.Equal(afterFirst, subject.CredentialRequests);
    }

    [Theory]
    [MemberData(nameof(UrlCleanKinds))]
    public async Task LookupAsync_AnyLookup_KeepsSecretsAndIssuedCredentialsOutOfUrls(string kind)
    {
        await using var subject = await ContractSubjects.StartAsync(kind);

        await subject.LookupAsync(subject.Found);

        Assert.All(subject.Server.Requests, r => Assert.All(subject.Secrets.Concat(subject.IssuedCredentials), secret =>
        {
            Assert.DoesNotContain(secret, r.Path + r.Query, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(secret), r.Path + r.Query, StringComparison.Ordinal);
        }));
    }

    /// <summary>An outage (503), an unreadable JSON answer, an HTML page instead of an answer: and the failure each must end in.</summary>
    private static (FakeFault Fault, CrmFailureKind Expected) BrokenAnswer(ContractSubject subject, string answer) => answer switch
    {
        "outage" => (new FakeFault(subject.IsLookupRequest, 503), CrmFailureKind.Unavailable),
        "unreadable json" => (new FakeFault(subject.IsLookupRequest, 200, """{"data": [{"id": 1, "unfinished"""), CrmFailureKind.MalformedResponse),
        "html page" => (new FakeFault(subject.IsLookupRequest, 200, "<html><body>Down for maintenance</body></html>") { ContentType = "text/html" }, CrmFailureKind.MalformedResponse),
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, "no such broken answer"),
    };

    /// <summary>The failure of a lookup of the known caller, which must never carry a secret in its message.</summary>
    private static async Task<CrmLookupException> FailureAsync(ContractSubject subject)
    {
        var failure = await Assert.ThrowsAsync<CrmLookupException>(() => subject.LookupAsync(subject.Found));
        Assert.All(subject.Secrets, secret => Assert.DoesNotContain(secret, failure.Message, StringComparison.Ordinal));
        return failure;
    }
}
