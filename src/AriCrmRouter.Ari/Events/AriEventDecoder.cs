using System.Text.Json.Serialization.Metadata;

namespace AriCrmRouter.Ari.Events;

/// <summary>Turns one websocket text message into the event record its <c>type</c> names.</summary>
public static class AriEventDecoder
{
    /// <summary>Decodes <paramref name="utf8"/>; unknown types become <see cref="UnknownAriEvent"/>.</summary>
    /// <exception cref="AriEventDecodeException">The message is not valid JSON, has no <c>type</c>, or lacks a required member.</exception>
    public static AriEvent Decode(ReadOnlySpan<byte> utf8)
    {
        var type = ReadType(utf8);
        try
        {
            var ariEvent = type switch
            {
                "StasisStart" => Deserialize(utf8, AriJsonContext.Default.StasisStart),
                "StasisEnd" => Deserialize(utf8, AriJsonContext.Default.StasisEnd),
                "ChannelDtmfReceived" => Deserialize(utf8, AriJsonContext.Default.ChannelDtmfReceived),
                "ChannelHangupRequest" => Deserialize(utf8, AriJsonContext.Default.ChannelHangupRequest),
                "ChannelDestroyed" => Deserialize(utf8, AriJsonContext.Default.ChannelDestroyed),
                "ChannelStateChange" => Deserialize(utf8, AriJsonContext.Default.ChannelStateChange),
                "PlaybackStarted" => Deserialize(utf8, AriJsonContext.Default.PlaybackStarted),
                "PlaybackFinished" => Deserialize(utf8, AriJsonContext.Default.PlaybackFinished),
                "CallBroadcast" => Deserialize(utf8, AriJsonContext.Default.CallBroadcast),
                "ApplicationReplaced" => Deserialize(utf8, AriJsonContext.Default.ApplicationReplaced),
                _ => Deserialize(utf8, AriJsonContext.Default.UnknownAriEvent),
            };
            return ariEvent;
        }
        catch (JsonException ex)
        {
            throw new AriEventDecodeException($"ARI event of type '{type}' could not be decoded at {ex.Path ?? "$"}: {ex.GetType().Name}", ex);
        }
    }

    private static AriEvent Deserialize<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> typeInfo)
        where T : AriEvent
        => JsonSerializer.Deserialize(utf8, typeInfo) ?? throw new AriEventDecodeException("ARI event was JSON null");

    /// <summary>Finds the top-level <c>type</c> without materialising the document.</summary>
    private static string ReadType(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new AriEventDecodeException("ARI event is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                reader.Read();
                if (isType && reader.TokenType == JsonTokenType.String)
                {
                    var type = reader.GetString();
                    if (!string.IsNullOrEmpty(type))
                    {
                        return type;
                    }
                }

                reader.Skip();
            }
        }
        catch (JsonException ex)
        {
            throw new AriEventDecodeException($"ARI event is not valid JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine})", ex);
        }

        throw new AriEventDecodeException("ARI event has no 'type'");
    }
}
