namespace AriCrmRouter.Ari.Rest;

/// <summary>
/// The ARI REST commands the router uses. A non-2xx answer throws <see cref="AriException"/> carrying the
/// status, method and path; methods documented as "null when gone" turn 404 into <c>null</c>.
/// </summary>
public interface IAriClient
{
    /// <summary><c>POST /channels/{id}/answer</c>.</summary>
    Task AnswerAsync(string channelId, CancellationToken cancellationToken);

    /// <summary><c>POST /channels/{id}/ring</c>: the caller hears ringing; the channel is not answered.</summary>
    Task RingAsync(string channelId, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /channels/{id}/play/{playbackId}?media=...</c>. The caller picks <paramref name="playbackId"/>
    /// so it can route the playback's events before they can arrive.
    /// </summary>
    Task<Playback> PlayAsync(string channelId, string playbackId, string media, CancellationToken cancellationToken);

    /// <summary><c>DELETE /playbacks/{id}</c>; a playback that already ended (404) is not an error.</summary>
    Task StopPlaybackAsync(string playbackId, CancellationToken cancellationToken);

    /// <summary><c>POST /channels/{id}/variable</c>.</summary>
    Task SetVariableAsync(string channelId, string name, string value, CancellationToken cancellationToken);

    /// <summary><c>POST /channels/{id}/continue</c>: back to the dialplan at the given place.</summary>
    Task ContinueAsync(string channelId, string context, string extension, int priority, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /channels/{id}/move?app=&amp;appArgs=</c>: hands a channel in Stasis to <paramref name="application"/>,
    /// which receives its StasisStart with <paramref name="args"/>. False when the channel is gone (404) or no longer
    /// in Stasis (409).
    /// </summary>
    Task<bool> MoveAsync(string channelId, string application, IReadOnlyList<string> args, CancellationToken cancellationToken);

    /// <summary><c>GET /channels/{id}</c>; null when the channel is gone.</summary>
    Task<Channel?> GetChannelAsync(string channelId, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /events/claim?channelId=&amp;application=</c>: takes a broadcast channel for <paramref name="application"/>.
    /// True when this claim won; false when another application claimed it first (409) or the channel is no
    /// longer offered (404: hung up, or the broadcast timed out).
    /// </summary>
    Task<bool> ClaimAsync(string channelId, string application, CancellationToken cancellationToken);

    /// <summary><c>GET /applications/{name}</c>; null when Asterisk does not know the application.</summary>
    Task<Application?> GetApplicationAsync(string applicationName, CancellationToken cancellationToken);

    /// <summary>
    /// <c>PUT /applications/{name}/eventFilter</c> with <c>{"allowed":[{"type":..}],"disallowed":[]}</c>: Asterisk sends
    /// the application only events of <paramref name="allowedTypes"/> (an empty list allows every event again).
    /// </summary>
    Task SetEventFilterAsync(string applicationName, IReadOnlyCollection<string> allowedTypes, CancellationToken cancellationToken);
}
