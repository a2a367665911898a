namespace AriCrmRouter.Storage.Cache;

/// <summary>A cached CRM answer as kept in Redis: found with a value, or a cached "not found".</summary>
internal sealed record StoredAnswer(bool Found, string? Value);
