using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AriCrmRouter.TestKit.Ari;

/// <summary>
/// The application's event filter (<c>PUT /applications/{app}/eventFilter</c>) with Asterisk's rules: an empty body
/// clears both lists, a list left out of the body is kept, an empty allowed list allows everything, and a disallowed
/// type wins over an allowed one. Filtered events are recorded in <see cref="FakeAriState.SentEvents"/> with
/// <see cref="FakeAriSentEvent.Filtered"/> and reach no client.
/// </summary>
public sealed partial class FakeAriServer
{
    private HashSet<string> _allowedEvents = new(StringComparer.Ordinal);
    private HashSet<string> _disallowedEvents = new(StringComparer.Ordinal);

    /// <summary>The allowed event types currently set on the application (empty: every event is allowed).</summary>
    public IReadOnlyCollection<string> AllowedEventTypes
    {
        get
        {
            lock (_gate)
            {
                return [.. _allowedEvents];
            }
        }
    }

    private bool EventAllowed(string type) =>
        !_disallowedEvents.Contains(type) && (_allowedEvents.Count == 0 || _allowedEvents.Contains(type));

    private (int, string?) SetEventFilter(FakeAriCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.Body))
        {
            _allowedEvents = new(StringComparer.Ordinal);
            _disallowedEvents = new(StringComparer.Ordinal);
            return Ok(FakeAriJson.Application(Application, ChannelsInApp()));
        }

        try
        {
            using var document = JsonDocument.Parse(command.Body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return BadFilter();
            }

            var allowed = ReadTypes(document.RootElement, "allowed");
            var disallowed = ReadTypes(document.RootElement, "disallowed");
            if (allowed is null && disallowed is null)
            {
                return BadFilter();
            }

            _allowedEvents = allowed ?? _allowedEvents;
            _disallowedEvents = disallowed ?? _disallowedEvents;
            return Ok(FakeAriJson.Application(Application, ChannelsInApp()));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return BadFilter();
        }
    }

    private static HashSet<string>? ReadTypes(JsonElement filter, string list)
    {
        if (!filter.TryGetProperty(list, out var entries))
        {
            return null;
        }

        return new HashSet<string>(entries.EnumerateArray().Select(e => e.GetProperty("type").GetString() ?? ""), StringComparer.Ordinal);
    }

    private static (int, string?) BadFilter() => (StatusCodes.Status400BadRequest, FakeAriJson.Error("Invalid event filter"));
}
