namespace AriCrmRouter.Storage.Connections;

/// <summary>How a CRM connection is kept in Redis: one JSON value per connection in a hash.</summary>
internal sealed record StoredCrmConnection(
    string Name,
    string Kind,
    Dictionary<string, string> Settings,
    Dictionary<string, string> Secrets)
{
    // Secrets stay out of anything that might be printed.
    public override string ToString() => $"{Name} ({Kind})";
}
