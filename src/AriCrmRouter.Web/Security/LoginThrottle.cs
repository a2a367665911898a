using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Web.Security;

/// <summary>
/// Refuses logins for a while after too many failures, counted both per account name and per client
/// address, so that neither one account nor one client can guess passwords at speed. In memory: a restart
/// forgets the counts, which only gives a guesser a few more tries.
/// </summary>
internal sealed class LoginThrottle(IOptions<WebAdminOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    public bool IsLocked(string account, string client) =>
        IsLocked("account:" + account.Trim().ToLowerInvariant()) || IsLocked("client:" + client);

    public void RecordFailure(string account, string client)
    {
        Record("account:" + account.Trim().ToLowerInvariant());
        Record("client:" + client);
    }

    public void RecordSuccess(string account) => _failures.TryRemove("account:" + account.Trim().ToLowerInvariant(), out _);

    private bool IsLocked(string key)
    {
        var now = time.GetUtcNow();
        return _failures.TryGetValue(key, out var failures)
            && failures.Count >= options.Value.MaxFailedLogins
            && now - failures.Last < options.Value.LoginLockout;
    }

    private void Record(string key)
    {
        var now = time.GetUtcNow();
        _failures.AddOrUpdate(
            key,
            _ => new Failures(1, now),
            // A failure long after the last one starts a new count.
            (_, old) => now - old.Last >= options.Value.LoginLockout ? new Failures(1, now) : new Failures(old.Count + 1, now));
    }

    private sealed record Failures(int Count, DateTimeOffset Last);
}
