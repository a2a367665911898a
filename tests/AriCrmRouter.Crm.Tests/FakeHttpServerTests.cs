namespace AriCrmRouter.Crm.Tests;

public sealed class FakeHttpServerTests
{
    [Fact]
    public async Task StartAsync_MappedEndpoint_AnswersOverRealHttpAndRecordsTheRequest()
    {
        await using var server = await FakeHttpServer.StartAsync(app => app.MapGet("/ping", () => Results.Text("pong")));
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        var body = await http.GetStringAsync(new Uri("ping?x=1", UriKind.Relative));

        Assert.Equal("pong", body);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/ping", request.Path);
        Assert.Equal("?x=1", request.Query);
    }
}
