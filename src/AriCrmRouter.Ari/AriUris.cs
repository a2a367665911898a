namespace AriCrmRouter.Ari;

/// <summary>Derives the REST base and the events websocket address from <see cref="AriOptions.BaseUrl"/>.</summary>
public static class AriUris
{
    /// <summary>The REST base with exactly one trailing slash, so relative paths append instead of replacing <c>ari</c>.</summary>
    public static Uri RestBase(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var builder = new UriBuilder(baseUrl) { Query = "", Fragment = "" };
        builder.Path = builder.Path.TrimEnd('/') + "/";
        return builder.Uri;
    }

    /// <summary><c>ws(s)://host/ari/events?app={application}&amp;subscribeAll=false</c>; ws for http, wss for https.</summary>
    public static Uri EventsWebSocket(Uri baseUrl, string application)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var restBase = RestBase(baseUrl);
        var scheme = restBase.Scheme switch
        {
            "https" => "wss",
            "http" => "ws",
            "wss" or "ws" => restBase.Scheme,
            _ => throw new ArgumentException($"ARI base URL must be http or https, not '{restBase.Scheme}'.", nameof(baseUrl)),
        };
        var builder = new UriBuilder(restBase)
        {
            Scheme = scheme,
            Port = restBase.IsDefaultPort ? -1 : restBase.Port,
            Path = restBase.AbsolutePath + "events",
            Query = "app=" + Uri.EscapeDataString(application) + "&subscribeAll=false",
        };
        return builder.Uri;
    }
}
