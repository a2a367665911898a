namespace AriCrmRouter.EndToEndTests.Infrastructure;

/// <summary>A call that landed: where (Asterisk's landing line), how SIPp saw it, and how long the setup took.</summary>
public sealed record CallOutcome(Landing Landing, SippResult Sipp, TimeSpan Setup, LogMark Mark)
{
    /// <summary>
    /// SIPp completed the call and it landed at <paramref name="destination"/> with the labels the dialplan printed:
    /// <paramref name="rule"/> always, <paramref name="reason"/> and <paramref name="fallback"/> when given.
    /// </summary>
    public void AssertLanded(string destination, string rule, string? reason = null, string? fallback = null)
    {
        Assert.True(Sipp.Succeeded, $"{Sipp}\n{Sipp.Output}");
        Assert.Equal(destination, Landing.Destination);
        Assert.Equal(rule, Landing.Rule);
        if (reason is not null)
        {
            Assert.Equal(reason, Landing.Reason);
        }

        if (fallback is not null)
        {
            Assert.Equal(fallback, Landing.Fallback);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndTier : ICollectionFixture<EndToEndEnvironment>
{
    public const string Name = "end-to-end stack";
}
