namespace AriCrmRouter.Ari.Json;

/// <summary>
/// Source-generated System.Text.Json metadata for every ARI shape this client reads. Unknown properties
/// are skipped and numbers may arrive quoted, so newer Asterisk versions that add fields do not break decoding.
/// </summary>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(Playback))]
[JsonSerializable(typeof(Application))]
[JsonSerializable(typeof(AriErrorBody))]
[JsonSerializable(typeof(StasisStart))]
[JsonSerializable(typeof(StasisEnd))]
[JsonSerializable(typeof(ChannelDtmfReceived))]
[JsonSerializable(typeof(ChannelHangupRequest))]
[JsonSerializable(typeof(ChannelDestroyed))]
[JsonSerializable(typeof(ChannelStateChange))]
[JsonSerializable(typeof(PlaybackStarted))]
[JsonSerializable(typeof(PlaybackFinished))]
[JsonSerializable(typeof(CallBroadcast))]
[JsonSerializable(typeof(ApplicationReplaced))]
[JsonSerializable(typeof(UnknownAriEvent))]
public sealed partial class AriJsonContext : JsonSerializerContext;
