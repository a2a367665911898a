using System.Globalization;
using System.Text.Json.Serialization.Metadata;

namespace AriCrmRouter.Ari.Rest;

/// <summary>
/// <see cref="IAriClient"/> over a pooled, named <see cref="HttpClient"/>. Credentials travel only in the
/// Authorization header; every path segment and query value is escaped. Commands are sent once: posting
/// <c>play</c> or <c>continue</c> twice is not harmless, so retrying is the caller's decision.
/// </summary>
public sealed class AriRestClient : IAriClient
{
    /// <summary>Name of the <see cref="HttpClient"/> registered by <see cref="AriServiceCollectionExtensions.AddAriClient"/>.</summary>
    public const string HttpClientName = "AriCrmRouter.Ari";

    private const int MaxErrorBodyChars = 4096;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<AriOptions> _options;
    private readonly ILogger<AriRestClient> _logger;
    private Uri? _restBase;

    public AriRestClient(IHttpClientFactory httpClientFactory, IOptions<AriOptions> options, ILogger<AriRestClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _logger = logger;
    }

    /// <summary>This client's server (one named <see cref="HttpClient"/> serves every server, so the URL is absolute).</summary>
    private Uri RestBase => _restBase ??= AriUris.RestBase(_options.Value.BaseUrl);

    public Task AnswerAsync(string channelId, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Post, Path("channels", channelId, "answer"), null, notFoundIsFine: false, cancellationToken);

    public Task RingAsync(string channelId, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Post, Path("channels", channelId, "ring"), null, notFoundIsFine: false, cancellationToken);

    public async Task<Playback> PlayAsync(string channelId, string playbackId, string media, CancellationToken cancellationToken)
    {
        var playback = await SendForJsonAsync(
            HttpMethod.Post,
            Path("channels", channelId, "play", playbackId),
            Query(("media", media)),
            AriJsonContext.Default.Playback,
            notFoundIsNull: false,
            cancellationToken);

        // Asterisk answers 201 with the playback; an empty body still means the playback was queued.
        return playback ?? new Playback { Id = playbackId, MediaUri = media, TargetUri = "channel:" + channelId, State = "queued" };
    }

    public Task StopPlaybackAsync(string playbackId, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Delete, Path("playbacks", playbackId), null, notFoundIsFine: true, cancellationToken);

    public Task SetVariableAsync(string channelId, string name, string value, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Post, Path("channels", channelId, "variable"), Query(("variable", name), ("value", value)), notFoundIsFine: false, cancellationToken);

    public Task ContinueAsync(string channelId, string context, string extension, int priority, CancellationToken cancellationToken)
        => SendAsync(
            HttpMethod.Post,
            Path("channels", channelId, "continue"),
            Query(("context", context), ("extension", extension), ("priority", priority.ToString(CultureInfo.InvariantCulture))),
            notFoundIsFine: false,
            cancellationToken);

    public Task<Channel?> GetChannelAsync(string channelId, CancellationToken cancellationToken)
        => SendForJsonAsync(HttpMethod.Get, Path("channels", channelId), null, AriJsonContext.Default.Channel, notFoundIsNull: true, cancellationToken);

    public Task<bool> ClaimAsync(string channelId, string application, CancellationToken cancellationToken)
        => SendUnlessGoneAsync("events/claim", Query(("channelId", channelId), ("application", application)), cancellationToken);

    public Task<bool> MoveAsync(string channelId, string application, IReadOnlyList<string> args, CancellationToken cancellationToken)
        => SendUnlessGoneAsync(
            Path("channels", channelId, "move"),
            args.Count == 0 ? Query(("app", application)) : Query(("app", application), ("appArgs", string.Join(',', args))),
            cancellationToken);

    /// <summary>A POST whose 404 (gone) and 409 (taken, or not in Stasis) are answers, not errors: false.</summary>
    private async Task<bool> SendUnlessGoneAsync(string path, string query, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(HttpMethod.Post, path, query, null, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return true;
        }

        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            return false;
        }

        throw await ToExceptionAsync(response, HttpMethod.Post, path, cancellationToken);
    }

    public Task<Application?> GetApplicationAsync(string applicationName, CancellationToken cancellationToken)
        => SendForJsonAsync(HttpMethod.Get, Path("applications", applicationName), null, AriJsonContext.Default.Application, notFoundIsNull: true, cancellationToken);

    public Task SetEventFilterAsync(string applicationName, IReadOnlyCollection<string> allowedTypes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(allowedTypes);
        return SendAsync(HttpMethod.Put, Path("applications", applicationName, "eventFilter"), null, AriEventFilterBody.Create(allowedTypes), notFoundIsFine: false, cancellationToken);
    }

    private Task SendAsync(HttpMethod method, string path, string? query, bool notFoundIsFine, CancellationToken cancellationToken)
        => SendAsync(method, path, query, null, notFoundIsFine, cancellationToken);

    private async Task SendAsync(HttpMethod method, string path, string? query, HttpContent? content, bool notFoundIsFine, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, query, content, cancellationToken);
        if (response.IsSuccessStatusCode || (notFoundIsFine && response.StatusCode == HttpStatusCode.NotFound))
        {
            return;
        }

        throw await ToExceptionAsync(response, method, path, cancellationToken);
    }

    private async Task<T?> SendForJsonAsync<T>(HttpMethod method, string path, string? query, JsonTypeInfo<T> typeInfo, bool notFoundIsNull, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendCoreAsync(method, path, query, null, cancellationToken);
        if (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await ToExceptionAsync(response, method, path, cancellationToken);
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException ex)
        {
            throw new AriException(method.Method, "/" + path, "the answer is not the expected JSON", ex);
        }
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpMethod method, string path, string? query, HttpContent? content, CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(method, new Uri(RestBase, query is null ? path : path + "?" + query)) { Content = content };
        request.Headers.Authorization = AriBasicCredentials.Header(_options.Value);
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            Log.RestTransportFailed(_logger, method.Method, "/" + path, ex.Message);
            throw new AriException(method.Method, "/" + path, ex.HttpRequestError.ToString(), ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout, not the caller: report it as a failed command.
            Log.RestTransportFailed(_logger, method.Method, "/" + path, "timeout");
            throw new AriException(method.Method, "/" + path, "timeout", ex);
        }
    }

    private async Task<AriException> ToExceptionAsync(HttpResponseMessage response, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        Log.RestNonSuccess(_logger, method.Method, "/" + path, response.StatusCode);
        string? message = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (text.Length > MaxErrorBodyChars)
            {
                text = text[..MaxErrorBodyChars];
            }

            if (text.Length > 0)
            {
                var body = JsonSerializer.Deserialize(text, AriJsonContext.Default.AriErrorBody);
                message = body?.Message ?? body?.Error;
            }
        }
        catch (JsonException)
        {
            // Not Asterisk's JSON error body (e.g. a proxy's HTML page): the status alone must do.
        }

        return new AriException(response.StatusCode, method.Method, "/" + path, message);
    }

    private static string Path(params string[] segments)
        => string.Join('/', segments.Select(Uri.EscapeDataString));

    private static string Query(params (string Name, string Value)[] parameters)
        => string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));
}
