namespace AriCrmRouter.Ari.Rest;

/// <summary>A non-2xx answer from ARI. Never carries credentials: only the method, the path and Asterisk's message.</summary>
public sealed class AriException : Exception
{
    public AriException(HttpStatusCode statusCode, string method, string path, string? asteriskMessage)
        : base($"ARI {method} {path} answered {(int)statusCode} {statusCode}{(string.IsNullOrEmpty(asteriskMessage) ? "" : $": {asteriskMessage}")}")
    {
        StatusCode = statusCode;
        Method = method;
        Path = path;
        AsteriskMessage = asteriskMessage;
    }

    /// <summary>The command failed before Asterisk answered (connection refused, timeout); <see cref="StatusCode"/> is 0.</summary>
    public AriException(string method, string path, string reason, Exception innerException)
        : base($"ARI {method} {path} failed: {reason}", innerException)
    {
        Method = method;
        Path = path;
    }

    public AriException()
        : this("ARI request failed")
    {
    }

    public AriException(string message)
        : base(message)
    {
        Method = "";
        Path = "";
    }

    public AriException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "";
        Path = "";
    }

    public HttpStatusCode StatusCode { get; }

    public string Method { get; }

    public string Path { get; }

    public string? AsteriskMessage { get; }

    /// <summary>The channel (or playback) is gone: normal when the caller just hung up.</summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    /// <summary>The channel is not in Stasis any more (e.g. <c>continue</c> after it left).</summary>
    public bool IsConflict => StatusCode == HttpStatusCode.Conflict;
}
