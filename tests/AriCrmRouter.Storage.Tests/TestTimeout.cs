namespace AriCrmRouter.Storage.Tests;

/// <summary>
/// A generous upper bound for one test's Redis calls, so a hang fails the test instead of the run. Every test reads
/// <see cref="Ct"/> (imported for the whole project in the csproj).
/// </summary>
internal static class TestTimeout
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>A fresh token that cancels after <see cref="Limit"/>.</summary>
    public static CancellationToken Ct => new CancellationTokenSource(Limit).Token;
}
