using Microsoft.Extensions.Options;

namespace AriCrmRouter.Ari.Tests.Rest;

/// <summary>Failed ARI requests become an <see cref="AriException"/> carrying status, method, path and Asterisk's message, never a secret.</summary>
public sealed class AriRestClientErrorTests : AriHarnessTests
{
    [Fact]
    public async Task ContinueAsync_ChannelNoLongerInStasis_ThrowsConflictWithMethodAndPath()
    {
        var channelId = Harness.Fake.AddChannelWithoutEvent("+1", "100");
        await Client.ContinueAsync(channelId, "queues", "600", 1, CancellationToken.None);

        var exception = await Assert.ThrowsAsync<AriException>(() => Client.ContinueAsync(channelId, "queues", "600", 1, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Conflict, exception.StatusCode);
        Assert.True(exception.IsConflict);
        AssertFailed(exception, "POST", $"/channels/{channelId}/continue", "Channel not in Stasis application");
        Assert.DoesNotContain("queues", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_UnknownChannel_ThrowsNotFound()
    {
        var exception = await Assert.ThrowsAsync<AriException>(() => Client.AnswerAsync("1.404", CancellationToken.None));

        Assert.True(exception.IsNotFound);
        AssertFailed(exception, "POST", "/channels/1.404/answer", "Channel not found");
    }

    [Fact]
    public async Task AnswerAsync_ServerError_ThrowsWithStatusAndAsteriskMessage()
    {
        var channelId = Harness.Fake.AddChannelWithoutEvent("+1", "100");
        Harness.Fake.InjectFailure("POST", $"/channels/{channelId}/answer", HttpStatusCode.InternalServerError, "Allocation failed", times: 1);

        var exception = await Assert.ThrowsAsync<AriException>(() => Client.AnswerAsync(channelId, CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
        AssertFailed(exception, "POST", $"/channels/{channelId}/answer", "Allocation failed");
        Assert.Single(Harness.Fake.Commands);
    }

    [Fact]
    public async Task PlayAsync_ServerError_IsNotRetried()
    {
        var channelId = Harness.Fake.AddChannelWithoutEvent("+1", "100");
        Harness.Fake.InjectFailure(c => c.Path.Contains("/play/", StringComparison.Ordinal), HttpStatusCode.ServiceUnavailable);

        await Assert.ThrowsAsync<AriException>(() => Client.PlayAsync(channelId, "p-1", "sound:x", CancellationToken.None));

        Assert.Single(Harness.Fake.Commands);
    }

    [Fact]
    public async Task AnyCommand_WrongPassword_ThrowsUnauthorizedWithoutThePassword()
    {
        await using var services = AriHarness.BuildServices(new Dictionary<string, string?>
        {
            ["Ari:BaseUrl"] = Harness.Fake.BaseUri + "/",
            ["Ari:Username"] = "router",
            ["Ari:Password"] = "wrong-Pa55word",
        });
        var client = services.GetRequiredService<IAriClient>();

        var exception = await Assert.ThrowsAsync<AriException>(() => client.GetChannelAsync("1.1", CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal("Authentication required", exception.AsteriskMessage);
        Assert.DoesNotContain("wrong-Pa55word", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_AsteriskUnreachable_ThrowsAriExceptionWithMethodAndPath()
    {
        var closedPort = Harness.Fake.BaseUri.Port;
        await Harness.Fake.DisposeAsync();
        await using var services = AriHarness.BuildServices(new Dictionary<string, string?>
        {
            ["Ari:BaseUrl"] = $"http://127.0.0.1:{closedPort}/ari",
            ["Ari:Username"] = "router",
            ["Ari:Password"] = "p",
        });

        var exception = await Assert.ThrowsAsync<AriException>(() => services.GetRequiredService<IAriClient>().AnswerAsync("1.1", CancellationToken.None));

        Assert.Equal((HttpStatusCode)0, exception.StatusCode);
        Assert.Equal("POST", exception.Method);
        Assert.Equal("/channels/1.1/answer", exception.Path);
    }

    [Fact]
    public async Task AddAriClient_MissingCredentials_FailsValidation()
    {
        await using var services = AriHarness.BuildServices(new Dictionary<string, string?> { ["Ari:BaseUrl"] = "http://127.0.0.1:8088/ari" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AriOptions>>().Value);
    }

    /// <summary>The exception names the request that failed and carries what Asterisk said about it.</summary>
    private static void AssertFailed(AriException exception, string method, string path, string asteriskMessage)
    {
        Assert.Equal(method, exception.Method);
        Assert.Equal(path, exception.Path);
        Assert.Equal(asteriskMessage, exception.AsteriskMessage);
    }
}
