using AriCrmRouter.Crm.Auth;

namespace AriCrmRouter.Crm.Tests.ConnectorSupport;

/// <summary>The one status-to-failure mapping every connector uses (VendorAnswer.EnsureSuccess, VendorHttp.Failure, OAuthTokenEndpoint).</summary>
public sealed class VendorFailureMappingTests
{
    [Theory]
    [InlineData(HttpStatusCode.Forbidden, CrmFailureKind.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound, CrmFailureKind.Configuration)]
    [InlineData(HttpStatusCode.BadRequest, CrmFailureKind.Configuration)]
    [InlineData(HttpStatusCode.TooManyRequests, CrmFailureKind.RateLimited)]
    [InlineData(HttpStatusCode.ServiceUnavailable, CrmFailureKind.Unavailable)]
    [InlineData(HttpStatusCode.Found, CrmFailureKind.MalformedResponse)]
    public void EnsureSuccess_DuringLookup_MapsStatusToFailureKind(HttpStatusCode status, CrmFailureKind expected)
    {
        var failure = Assert.Throws<CrmLookupException>(() => Answer(status).EnsureSuccess("main", "search"));

        Assert.Equal(expected, failure.Kind);
        Assert.Contains("connection 'main': search", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureSuccess_401DuringLookup_AsksTheCredentialCacheToRenew()
    {
        Assert.Throws<CredentialRejectedException>(() => Answer(HttpStatusCode.Unauthorized).EnsureSuccess("main", "search"));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public void EnsureSuccess_RefusedLogin_IsUnauthorized(HttpStatusCode status)
    {
        var failure = Assert.Throws<CrmLookupException>(() => Answer(status).EnsureSuccess("main", "login", authenticating: true));

        Assert.Equal(CrmFailureKind.Unauthorized, failure.Kind);
    }

    [Fact]
    public void EnsureSuccess_Success_DoesNotThrow()
    {
        Answer(HttpStatusCode.OK).EnsureSuccess("main", "search");
    }

    [Fact]
    public void EnsureSuccess_RateLimitedWithOnlyAVendorResetHeader_LeavesItToTheVendor()
    {
        var failure = RateLimited("x-ratelimit-reset", "1795000000");

        Assert.Equal(CrmFailureKind.RateLimited, failure.Kind);
        Assert.Null(failure.RetryAfter);
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("1795000000")]
    [InlineData("1795000000000")]
    [InlineData("-5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void EnsureSuccess_ImplausibleRetryAfter_IsRateLimitedWithoutAWait(string value)
    {
        var failure = RateLimited("Retry-After", value);

        Assert.Equal(CrmFailureKind.RateLimited, failure.Kind);
        Assert.Null(failure.RetryAfter);
    }

    [Fact]
    public void EnsureSuccess_RetryAfterSeconds_CarriesTheWait()
    {
        var failure = RateLimited("Retry-After", "12");

        Assert.Equal(TimeSpan.FromSeconds(12), failure.RetryAfter);
    }

    [Fact]
    public async Task OAuthTokenEndpoint_RefusalWithErrorCode_IsUnauthorizedNamingTheCodeNotTheSecret()
    {
        await using var server = await FakeHttpServer.StartAsync(app => app.MapPost("/token", () => Results.Json(new { error = "invalid_grant" }, statusCode: 400)));

        var failure = await Assert.ThrowsAsync<CrmLookupException>(() => PostTokenAsync(server, "/token"));

        Assert.Equal(CrmFailureKind.Unauthorized, failure.Kind);
        Assert.Contains("invalid_grant", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-secret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OAuthTokenEndpoint_WrongTokenUrl_IsAConfigurationFailure()
    {
        await using var server = await FakeHttpServer.StartAsync(app => app.MapPost("/token", () => "ok"));

        var failure = await Assert.ThrowsAsync<CrmLookupException>(() => PostTokenAsync(server, "/no-such-path"));

        Assert.Equal(CrmFailureKind.Configuration, failure.Kind);
    }

    private static VendorAnswer Answer(HttpStatusCode status)
    {
        using var response = new HttpResponseMessage(status);
        return new VendorAnswer(status, response.Headers, null, Encoding.UTF8.GetBytes("{}"), null, ConnectorTestHost.NewClock());
    }

    private static Task<VendorAnswer> PostTokenAsync(FakeHttpServer server, string path) =>
        OAuthTokenEndpoint.PostAsync(
            ConnectorTestHost.HttpClientFactory.CreateClient(Http.CrmHttp.ClientName),
            new Uri(server.BaseUri, path),
            [new("grant_type", "refresh_token"), new("refresh_token", "refresh-secret")],
            null,
            4096,
            ConnectorTestHost.NewClock(),
            "main",
            CancellationToken.None);

    /// <summary>The failure of a search answered 429 with one <paramref name="header"/>.</summary>
    private static CrmLookupException RateLimited(string header, string value)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation(header, value);
        var answer = new VendorAnswer(response.StatusCode, response.Headers, null, [], null, ConnectorTestHost.NewClock());
        return Assert.Throws<CrmLookupException>(() => answer.EnsureSuccess("main", "search"));
    }
}
