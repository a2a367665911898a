namespace AriCrmRouter.WebTests;

public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests() =>
        _throttle = new LoginThrottle(Options.Create(new WebAdminOptions { MaxFailedLogins = 3, LoginLockout = TimeSpan.FromMinutes(5) }), _time);

    [Fact]
    public void IsLocked_AfterMaxFailuresForOneAccount_RefusesThatAccountFromAnyClient()
    {
        for (var i = 0; i < 3; i++)
        {
            _throttle.RecordFailure("Alice", "10.0.0." + i);
        }

        Assert.True(_throttle.IsLocked("alice", "10.0.0.99"));
        Assert.False(_throttle.IsLocked("bob", "10.0.0.99"));
    }

    [Fact]
    public void IsLocked_AfterMaxFailuresFromOneClient_RefusesEveryAccountFromThatClient()
    {
        _throttle.RecordFailure("a", "192.0.2.1");
        _throttle.RecordFailure("b", "192.0.2.1");
        _throttle.RecordFailure("c", "192.0.2.1");

        Assert.True(_throttle.IsLocked("d", "192.0.2.1"));
        Assert.False(_throttle.IsLocked("d", "192.0.2.2"));
    }

    [Fact]
    public void IsLocked_LockoutElapsed_AllowsAgain()
    {
        for (var i = 0; i < 3; i++)
        {
            _throttle.RecordFailure("alice", "192.0.2.1");
        }

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.False(_throttle.IsLocked("alice", "192.0.2.1"));
    }

    [Fact]
    public void IsLocked_FewerFailuresThanTheLimit_AllowsTheLogin()
    {
        _throttle.RecordFailure("alice", "192.0.2.1");
        _throttle.RecordFailure("alice", "192.0.2.1");

        Assert.False(_throttle.IsLocked("alice", "192.0.2.1"));
    }
}
