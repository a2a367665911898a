namespace AriCrmRouter.Storage.Redis;

/// <summary>Checks what data annotations cannot: that <see cref="RedisOptions.Configuration"/> parses.</summary>
internal sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            return ValidateOptionsResult.Fail("Redis:Configuration is required.");
        }

        // The parser's message can quote the offending fragment, which may be a password: never pass it on.
        if (!RedisConnection.TryParse(options.Configuration, out var parsed))
        {
            return ValidateOptionsResult.Fail("Redis:Configuration is not a valid StackExchange.Redis configuration string.");
        }

        return parsed.EndPoints.Count == 0
            ? ValidateOptionsResult.Fail("Redis:Configuration names no endpoint (expected host:port).")
            : ValidateOptionsResult.Success;
    }
}
