namespace AriCrmRouter.TestKit.Ari;

/// <summary>
/// Other routers' applications served over websockets too (<see cref="ServesPeerApplications"/>): several routers on
/// one Asterisk, each with its own application. A channel's events go to the websocket of the application it is in.
/// </summary>
public sealed partial class FakeAriServer
{
    private readonly Dictionary<string, Subscriber> _peerSubscribers = new(StringComparer.Ordinal);

    /// <summary>
    /// While false (the default) only <see cref="Application"/> may connect; while true any application may, and a
    /// channel moved into one that is connected gets its StasisStart there.
    /// </summary>
    public bool ServesPeerApplications { get; set; }

    /// <summary>Websockets connected for applications other than <see cref="Application"/>.</summary>
    public int ConnectedPeerClients
    {
        get
        {
            lock (_gate)
            {
                return _peerSubscribers.Count;
            }
        }
    }

    /// <summary>A new websocket for a peer application replaces that application's previous one (as for the main one).</summary>
    private void AddPeerSubscriber(string application, Subscriber subscriber) => _peerSubscribers[application] = subscriber;

    private void RemovePeerSubscriber(Subscriber subscriber)
    {
        foreach (var (application, current) in _peerSubscribers.ToList())
        {
            if (ReferenceEquals(current, subscriber))
            {
                _peerSubscribers.Remove(application);
            }
        }
    }

    private bool HasPeerSubscriber(string application) => ServesPeerApplications && _peerSubscribers.ContainsKey(application);

    /// <summary>Who hears a channel's events: the websocket of the peer application it is in, else the main application's.</summary>
    private List<Subscriber> SubscribersOf(string? channelId) =>
        ServesPeerApplications && channelId is not null && _channels.TryGetValue(channelId, out var channel) && channel.OtherApplication is { } peer
            ? _peerSubscribers.TryGetValue(peer, out var subscriber) ? [subscriber] : []
            : _subscribers;
}
