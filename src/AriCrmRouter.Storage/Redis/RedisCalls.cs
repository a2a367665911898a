namespace AriCrmRouter.Storage.Redis;

/// <summary>Runs Redis commands with a cancellation token and turns "cannot reach Redis" into one exception type.</summary>
internal static class RedisCalls
{
    public static async Task<T> RunAsync<T>(RedisConnection connection, Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        try
        {
            var database = await connection.DatabaseAsync(cancellationToken);
            return await command(database).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Unavailable(connection, ex);
        }
    }

    public static bool IsUnavailable(Exception ex) =>
        ex is RedisConnectionException or RedisTimeoutException or TimeoutException
        || (ex is RedisServerException server && IsTransientServerState(server.Message));

    public static StorageUnavailableException Unavailable(RedisConnection connection, Exception ex)
    {
        var failure = Describe(ex);
        connection.Metrics?.RedisFailed(failure);
        return new($"Redis at {connection.Endpoints} is unreachable or not answering ({failure}).", ex);
    }

    private static string Describe(Exception ex) => ex switch
    {
        RedisConnectionException connection => connection.FailureType.ToString(),
        RedisTimeoutException or TimeoutException => "timeout",
        RedisServerException server => server.Message.Split(' ', 2)[0],
        _ => ex.GetType().Name,
    };

    // Replies a restarting or read-only server gives; the data is fine, it just cannot serve us now.
    private static bool IsTransientServerState(string message) =>
        message.StartsWith("LOADING", StringComparison.Ordinal)
        || message.StartsWith("READONLY", StringComparison.Ordinal)
        || message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
        || message.StartsWith("BUSY", StringComparison.Ordinal);
}
