namespace AriCrmRouter.Storage.Routers;

/// <summary>
/// What several routers serving the same Asterisk servers share in Redis, per server: each router's presence (a key
/// per server and application name that lives only while its router keeps renewing it) and a lease per call of a
/// router that died, so that exactly one survivor takes each such call.
/// </summary>
public sealed class RedisRouterLeases(RedisConnection connection)
{
    /// <summary>Says that the router of <paramref name="application"/> on <paramref name="server"/> is alive for <paramref name="lifetime"/>.</summary>
    public Task BeatAsync(string server, string application, TimeSpan lifetime, CancellationToken cancellationToken) =>
        RedisCalls.RunAsync(connection, db => db.StringSetAsync(connection.Keys.RouterPresence(server, application), "alive", lifetime), cancellationToken);

    /// <summary>True while the router of <paramref name="application"/> on <paramref name="server"/> renews its presence.</summary>
    public Task<bool> IsAliveAsync(string server, string application, CancellationToken cancellationToken) =>
        RedisCalls.RunAsync(connection, db => db.KeyExistsAsync(connection.Keys.RouterPresence(server, application)), cancellationToken);

    /// <summary>
    /// Takes the call <paramref name="channelId"/> of <paramref name="server"/> for <paramref name="taker"/> unless
    /// another router took it within <paramref name="lifetime"/> (SET NX): true for exactly one router.
    /// </summary>
    public Task<bool> TryTakeAsync(string server, string channelId, string taker, TimeSpan lifetime, CancellationToken cancellationToken) =>
        RedisCalls.RunAsync(connection, db => db.StringSetAsync(connection.Keys.OrphanLease(server, channelId), taker, lifetime, When.NotExists), cancellationToken);
}
