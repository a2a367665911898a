namespace AriCrmRouter.Service.Stasis.Session;

/// <summary>How a call came into the router.</summary>
public enum CallEntry
{
    /// <summary>A StasisStart: the normal flow.</summary>
    New,

    /// <summary>Found in the application after a reconnect: its events were lost while we were away.</summary>
    Recovered,

    /// <summary>Arrived while the router is shutting down: straight to the default destination.</summary>
    Draining,
}
