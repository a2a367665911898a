namespace AriCrmRouter.Ari.Events;

/// <summary>
/// A websocket message that is not a decodable ARI event (not JSON, no <c>type</c>, or a known type whose
/// required members are missing). The message never contains the payload, only where decoding failed.
/// </summary>
public sealed class AriEventDecodeException : Exception
{
    public AriEventDecodeException()
    {
    }

    public AriEventDecodeException(string message)
        : base(message)
    {
    }

    public AriEventDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
