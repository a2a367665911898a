using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AriCrmRouter.Crm.Connectors;

namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>A CRM's HTTP answer, read completely (bounded by <see cref="CrmOptions.MaxResponseBytes"/>).</summary>
internal sealed class VendorAnswer(HttpStatusCode status, HttpResponseHeaders headers, HttpContentHeaders? contentHeaders, byte[] body)
{
    public HttpStatusCode Status { get; } = status;

    public int StatusCode => (int)Status;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public byte[] Body { get; } = body;

    public bool IsEmpty => Body.AsSpan().Trim(" \t\r\n"u8).IsEmpty;

    public string? Header(string name)
    {
        if (headers.TryGetValues(name, out var values) || (contentHeaders?.TryGetValues(name, out values) ?? false))
        {
            return values.FirstOrDefault();
        }

        return null;
    }

    /// <summary>Parses the body as JSON; an unreadable body is a <see cref="CrmFailureKind.MalformedResponse"/>.</summary>
    public JsonDocument Json(string connectionName, string step)
    {
        try
        {
            return JsonDocument.Parse(Body);
        }
        catch (JsonException ex)
        {
            throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{connectionName}': {step} answered unreadable JSON (HTTP {StatusCode})", ex);
        }
    }

    /// <summary>Deserializes the body with a source-generated type; unreadable or empty is malformed.</summary>
    public T Deserialize<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, string connectionName, string step)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(Body, typeInfo)
                ?? throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{connectionName}': {step} answered an empty JSON document");
        }
        catch (JsonException ex)
        {
            throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{connectionName}': {step} answered unreadable JSON (HTTP {StatusCode})", ex);
        }
    }

    /// <summary>
    /// How long the CRM asked us to wait: <c>Retry-After</c> (seconds or HTTP date), otherwise the
    /// <c>x-ratelimit-reset</c> header (seconds until the window resets), otherwise <c>null</c>.
    /// </summary>
    public TimeSpan? RetryAfter(TimeProvider timeProvider)
    {
        var retryAfter = Header("Retry-After");
        if (retryAfter is not null)
        {
            if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var wait = at - timeProvider.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        var reset = Header("x-ratelimit-reset");
        if (reset is not null && double.TryParse(reset, NumberStyles.Float, CultureInfo.InvariantCulture, out var resetSeconds) && resetSeconds >= 0)
        {
            return TimeSpan.FromSeconds(resetSeconds);
        }

        return null;
    }
}
