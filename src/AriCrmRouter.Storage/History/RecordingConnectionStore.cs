namespace AriCrmRouter.Storage.History;

/// <summary>An <see cref="ICrmConnectionStore"/> that records saves and deletes (names and kinds only, never secrets).</summary>
internal sealed class RecordingConnectionStore(ICrmConnectionStore inner, RedisChangeHistory history, string actor) : ICrmConnectionStore
{
    public Task<IReadOnlyList<CrmConnection>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

    public Task<CrmConnection?> GetAsync(string name, CancellationToken cancellationToken) => inner.GetAsync(name, cancellationToken);

    // A CRM's token rotation is no administrator's change: not recorded.
    public Task<string?> GetAsync(string connectionName, string credentialKey, CancellationToken cancellationToken) =>
        inner.GetAsync(connectionName, credentialKey, cancellationToken);

    public Task<bool> ReplaceAsync(string connectionName, string credentialKey, string? replaced, string replacement, CancellationToken cancellationToken) =>
        inner.ReplaceAsync(connectionName, credentialKey, replaced, replacement, cancellationToken);

    public async Task SaveAsync(CrmConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var existed = await inner.GetAsync(connection.Name, cancellationToken) is not null;
        await inner.SaveAsync(connection, cancellationToken);
        var settings = string.Join(", ", connection.Settings.Keys.Order(StringComparer.Ordinal));
        await history.RecordAsync(
            actor,
            ChangeSubjects.Connection,
            $"{(existed ? "changed" : "added")} connection '{connection.Name}' ({connection.Kind}; settings: {settings}; secrets: {connection.Secrets.Count})",
            cancellationToken);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var deleted = await inner.DeleteAsync(name, cancellationToken);
        if (deleted)
        {
            await history.RecordAsync(actor, ChangeSubjects.Connection, $"removed connection '{name.Trim()}'", cancellationToken);
        }

        return deleted;
    }
}
