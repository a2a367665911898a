namespace AriCrmRouter.WebTests;

[Collection(WebAdminTests.Name)]
public sealed class ApiTests(WebAdminFixture web)
{
    [Fact]
    public async Task Rules_NoToken_Returns401()
    {
        using var http = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };

        using var response = await http.GetAsync(new Uri("/api/rules", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PutRule_HttpUrl_Returns400WithTheValidatorProblem()
    {
        using var http = await ClientAsync(WebAdminFixture.AdminName);

        using var response = await http.PutAsync(new Uri("/api/rules/api-http", UriKind.Relative), Json(WebAdminFixture.QueueRule("api-http", crmUrl: "http://crm.example.com/x")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"path\":\"crm.url\"", body, StringComparison.Ordinal);
        Assert.Contains("url must start with https://", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutRule_StaleIfMatch_Returns409AndWritesNothing()
    {
        var version = await web.SaveRuleAsync(WebAdminFixture.QueueRule("api-conflict"));
        await web.SaveRuleAsync(WebAdminFixture.QueueRule("api-conflict-other"));
        using var http = await ClientAsync(WebAdminFixture.AdminName);
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/rules/api-conflict", UriKind.Relative))
        {
            Content = Json(WebAdminFixture.QueueRule("api-conflict", field: "changed")),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var get = await http.GetAsync(new Uri("/api/rules/api-conflict", UriKind.Relative));
        Assert.Contains("\"crmField\": \"status\"", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRule_Unknown_Returns404()
    {
        using var http = await ClientAsync(WebAdminFixture.ViewerName);

        using var response = await http.GetAsync(new Uri("/api/rules/no-such-rule", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DeleteRule_ViewerToken_Returns403()
    {
        await web.SaveRuleAsync(WebAdminFixture.QueueRule("api-viewer"));
        using var http = await ClientAsync(WebAdminFixture.ViewerName);

        using var response = await http.DeleteAsync(new Uri("/api/rules/api-viewer", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Rollback_RecordedVersion_RestoresIt()
    {
        var first = await web.SaveRuleAsync(WebAdminFixture.QueueRule("api-rollback"));
        using var http = await ClientAsync(WebAdminFixture.AdminName);
        using var put = await http.PutAsync(new Uri("/api/rules/api-rollback", UriKind.Relative), Json(WebAdminFixture.QueueRule("api-rollback", field: "tier")));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var rollback = await http.PostAsync(new Uri($"/api/rules/rollback/{first}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        using var get = await http.GetAsync(new Uri("/api/rules/api-rollback", UriKind.Relative));
        Assert.Contains("\"crmField\": \"status\"", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_IsServed()
    {
        using var http = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };

        var document = await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("/api/rules/{name}", document, StringComparison.Ordinal);
    }

    private async Task<HttpClient> ClientAsync(string user)
    {
        var accounts = web.Services.GetRequiredService<RedisAdminAccountStore>();
        var account = await accounts.FindAsync(user, default);
        var token = await accounts.IssueTokenAsync(new ApiTokenOwner(account!.Name, account.Role, "test"), default);
        var http = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
