using AriCrmRouter.Ari.Transport;

namespace AriCrmRouter.Ari.Tests.Transport;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Next_FullJitter_DoublesUpToTheCapAndStaysThere()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1000), () => 1.0);

        var delays = Enumerable.Range(0, 8).Select(_ => backoff.Next().TotalMilliseconds).ToArray();

        Assert.Equal([100, 200, 400, 800, 1000, 1000, 1000, 1000], delays);
    }

    [Fact]
    public void Next_LowestJitter_WaitsHalfTheCeiling()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1000), () => 0.0);

        Assert.Equal(50, backoff.Next().TotalMilliseconds);
        Assert.Equal(100, backoff.Next().TotalMilliseconds);
    }

    [Fact]
    public void Next_AfterReset_StartsFromTheInitialDelay()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1000), () => 1.0);
        for (var i = 0; i < 5; i++)
        {
            backoff.Next();
        }

        backoff.Reset();

        Assert.Equal(100, backoff.Next().TotalMilliseconds);
    }

    [Fact]
    public void Next_ManyAttempts_NeverOverflowsOrExceedsTheCap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10), () => 1.0);

        var last = TimeSpan.Zero;
        for (var i = 0; i < 10_000; i++)
        {
            last = backoff.Next();
            Assert.InRange(last, TimeSpan.FromMilliseconds(125), TimeSpan.FromSeconds(10));
        }

        Assert.Equal(TimeSpan.FromSeconds(10), last);
    }
}
