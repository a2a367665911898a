using System.Buffers;

namespace AriCrmRouter.TestKit.Ari;

/// <summary>Writes the JSON shapes Asterisk 22 sends: channels, playbacks, applications, events and errors.</summary>
internal static class FakeAriJson
{
    public static string Timestamp(DateTimeOffset now) =>
        now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";

    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string Error(string message) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("message", message);
        w.WriteEndObject();
    });

    public static void WriteChannel(Utf8JsonWriter w, FakeChannel channel, string application)
    {
        w.WriteStartObject();
        w.WriteString("id", channel.Id);
        w.WriteString("name", channel.Name);
        w.WriteString("state", channel.State);
        w.WriteString("protocol_id", channel.Id + "@fake-ari");
        w.WriteStartObject("caller");
        w.WriteString("name", channel.CallerName);
        w.WriteString("number", channel.CallerNumber);
        w.WriteEndObject();
        w.WriteStartObject("connected");
        w.WriteString("name", "");
        w.WriteString("number", "");
        w.WriteEndObject();
        w.WriteString("accountcode", "");
        w.WriteStartObject("dialplan");
        if (!channel.InStasis && channel.Landing is { } landing)
        {
            w.WriteString("context", landing.Context);
            w.WriteString("exten", landing.Extension);
            w.WriteNumber("priority", landing.Priority);
            w.WriteString("app_name", "");
            w.WriteString("app_data", "");
        }
        else
        {
            w.WriteString("context", channel.Context);
            w.WriteString("exten", channel.Exten);
            w.WriteNumber("priority", channel.StasisPriority);
            w.WriteString("app_name", "Stasis");
            w.WriteString("app_data", string.Join(',', [channel.OtherApplication ?? application, .. channel.Args]));
        }

        w.WriteEndObject();
        w.WriteString("creationtime", channel.CreationTime);
        w.WriteString("language", "en");
        w.WriteEndObject();
    }

    public static void WritePlayback(Utf8JsonWriter w, FakePlayback playback)
    {
        w.WriteStartObject();
        w.WriteString("id", playback.Id);
        w.WriteString("media_uri", playback.MediaUri);
        w.WriteString("target_uri", "channel:" + playback.ChannelId);
        w.WriteString("language", "en");
        w.WriteString("state", playback.State);
        w.WriteEndObject();
    }

    public static string Channel(FakeChannel channel, string application) => Write(w => WriteChannel(w, channel, application));

    public static string Playback(FakePlayback playback) => Write(w => WritePlayback(w, playback));

    public static string Application(string name, IEnumerable<string> channelIds) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteStartArray("channel_ids");
        foreach (var id in channelIds)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
        w.WriteStartArray("bridge_ids");
        w.WriteEndArray();
        w.WriteStartArray("endpoint_ids");
        w.WriteEndArray();
        w.WriteStartArray("device_names");
        w.WriteEndArray();
        w.WriteStartArray("events_allowed");
        w.WriteEndArray();
        w.WriteStartArray("events_disallowed");
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>An event envelope as Asterisk writes it: type and timestamp first, then the body, then ids.</summary>
    public static string Event(string type, DateTimeOffset now, string application, string asteriskId, Action<Utf8JsonWriter> body) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("timestamp", Timestamp(now));
        body(w);
        w.WriteString("asterisk_id", asteriskId);
        w.WriteString("application", application);
        w.WriteEndObject();
    });
}
