namespace AriCrmRouter.Storage.Tests;

/// <summary>A generous upper bound for one test's Redis calls, so a hang fails the test instead of the run.</summary>
internal static class TestTimeout
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static CancellationToken Token => new CancellationTokenSource(Limit).Token;
}
