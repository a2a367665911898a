namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// Reads how long a CRM asked us to wait, refusing values no rate limiter means: a negative, non-finite or
/// overflowing number (<c>Retry-After: 1e300</c>), or anything beyond <see cref="Longest"/> (an epoch time in
/// seconds or milliseconds sent where a duration belongs). An implausible value is no hint at all (<c>null</c>).
/// </summary>
internal static class RateLimitWait
{
    /// <summary>The longest wait taken from a header; vendors' windows are seconds to one day (daily quotas).</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <summary><c>Retry-After</c>: delay-seconds or an HTTP date (RFC 9110 10.2.3).</summary>
    public static TimeSpan? FromRetryAfter(string? value, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            var wait = at - timeProvider.GetUtcNow();
            return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait <= Longest ? wait : null;
        }

        return null;
    }

    /// <summary>A header that counts seconds until the window resets (Pipedrive's <c>x-ratelimit-reset</c>).</summary>
    public static TimeSpan? FromSecondsHeader(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? FromSeconds(seconds) : null;

    private static TimeSpan? FromSeconds(double seconds) =>
        double.IsFinite(seconds) && seconds >= 0 && seconds <= Longest.TotalSeconds ? TimeSpan.FromSeconds(seconds) : null;
}
