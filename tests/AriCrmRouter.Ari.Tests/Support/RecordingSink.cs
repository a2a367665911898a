namespace AriCrmRouter.Ari.Tests.Support;

/// <summary>Records what the event connection reports, in order, as short strings and typed events.</summary>
internal sealed class RecordingSink : IAriEventSink
{
    private readonly Lock _gate = new();
    private readonly List<string> _entries = [];
    private readonly List<AriEvent> _events = [];

    /// <summary>What the sink asks Asterisk to send (the application's event filter); null: everything.</summary>
    public IReadOnlyCollection<string>? HandledEventTypes { get; init; }

    /// <summary>When it returns true for an event, OnEvent throws after recording it.</summary>
    public Func<AriEvent, bool> ThrowWhen { get; init; } = _ => false;

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public IReadOnlyList<AriEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public void OnEvent(AriEvent ariEvent)
    {
        lock (_gate)
        {
            _events.Add(ariEvent);
            _entries.Add("event:" + ariEvent.Type);
        }

        if (ThrowWhen(ariEvent))
        {
            throw new InvalidOperationException("sink failure made by the test");
        }
    }

    public void OnConnected(bool isReconnect)
    {
        lock (_gate)
        {
            _entries.Add(isReconnect ? "connected:reconnect" : "connected:first");
        }
    }

    public void OnDisconnected(string reason)
    {
        lock (_gate)
        {
            _entries.Add("disconnected");
        }
    }

    public Task WaitForEntryAsync(string entry) => WaitUntilAsync(s => s.Entries.Contains(entry), AriHarness.Timeout);

    public Task WaitForEventAsync<TEvent>()
        where TEvent : AriEvent => WaitUntilAsync(s => s.Events.Any(e => e is TEvent), AriHarness.Timeout);

    public async Task WaitUntilAsync(Func<RecordingSink, bool> condition, TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition(this))
        {
            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"Sink condition not met within {timeout}. Entries: {string.Join(", ", Entries)}");
            }

            await Task.Delay(10);
        }
    }
}
