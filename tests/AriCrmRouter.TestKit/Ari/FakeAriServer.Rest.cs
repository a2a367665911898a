using Microsoft.AspNetCore.Http.Features;

namespace AriCrmRouter.TestKit.Ari;

/// <summary>The REST side of the fake: the ARI resources the router uses, with Asterisk's status codes and messages.</summary>
public sealed partial class FakeAriServer
{
    private const string ChannelNotFound = "Channel not found";
    private const string ChannelNotInStasis = "Channel not in Stasis application";

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var rawPath = rawTarget.Split('?', 2)[0];
        if (!rawPath.StartsWith("/ari/", StringComparison.Ordinal))
        {
            await RespondAsync(context, StatusCodes.Status404NotFound, FakeAriJson.Error("Not found"));
            return;
        }

        // Segments are unescaped one by one so that an escaped '/' inside an id stays part of that id.
        var segments = rawPath["/ari/".Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (segments is ["events"])
        {
            await HandleEventsSocketAsync(context);
            return;
        }

        var command = new FakeAriCommand(
            context.Request.Method,
            "/" + string.Join('/', segments),
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            rawTarget,
            context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null);

        var body = context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0
            ? await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted)
            : null;
        command = command with { Body = body };

        (int Status, string? Body) answer;
        lock (_gate)
        {
            _commands.Add(command);
            answer = !IsAuthorized(context.Request)
                ? (StatusCodes.Status401Unauthorized, """{"error":"Authentication required"}""")
                : TakeInjectedFailure(command) ?? Execute(command.Method, segments, command);
        }

        await RespondAsync(context, answer.Status, answer.Body);
    }

    private (int Status, string? Body)? TakeInjectedFailure(FakeAriCommand command)
    {
        var failure = _failures.FirstOrDefault(f => f.Remaining > 0 && f.Matches(command));
        if (failure is null)
        {
            return null;
        }

        failure.Remaining--;
        return ((int)failure.Status, FakeAriJson.Error(failure.Message));
    }

    private (int Status, string? Body) Execute(string method, string[] segments, FakeAriCommand command) => (method, segments) switch
    {
        ("GET", ["channels"]) => Ok(FakeAriJson.Write(w =>
        {
            w.WriteStartArray();
            foreach (var channel in _channels.Values.Where(c => !c.IsHungUp))
            {
                FakeAriJson.WriteChannel(w, channel, Application);
            }

            w.WriteEndArray();
        })),
        ("GET", ["channels", var id]) => LiveChannel(id) is { } channel ? Ok(FakeAriJson.Channel(channel, Application)) : NotFound(ChannelNotFound),
        ("POST", ["channels", var id, "answer"]) => WithControl(id, Answer),
        ("POST", ["channels", var id, "ring"]) => WithControl(id, _ => NoContent()),
        ("DELETE", ["channels", var id, "ring"]) => WithControl(id, _ => NoContent()),
        ("POST", ["channels", var id, "play", var playbackId]) => WithControl(id, c => Play(c, playbackId, command)),
        ("POST", ["channels", var id, "play"]) => WithControl(id, c => Play(c, NextPlaybackId(), command)),
        ("POST", ["channels", var id, "variable"]) => WithControl(id, c => SetVariable(c, command)),
        ("GET", ["channels", var id, "variable"]) => GetVariable(id, command),
        ("POST", ["channels", var id, "continue"]) => WithControl(id, c => Continue(c, command)),
        ("GET", ["playbacks", var id]) => _playbacks.TryGetValue(id, out var playback) && playback.State == "playing"
            ? Ok(FakeAriJson.Playback(playback))
            : NotFound("Playback not found"),
        ("DELETE", ["playbacks", var id]) => StopPlayback(id),
        ("POST", ["events", "claim"]) => Claim(command),
        ("GET", ["applications"]) => Ok("[" + FakeAriJson.Application(Application, ChannelsInApp()) + "]"),
        ("GET", ["applications", var name]) => name == Application
            ? Ok(FakeAriJson.Application(Application, ChannelsInApp()))
            : OtherApplication(name),
        ("POST", ["channels", var id, "move"]) => WithControl(id, c => Move(c, command)),
        ("PUT", ["applications", var name, "eventFilter"]) => name == Application
            ? SetEventFilter(command)
            : NotFound("Application does not exist."),
        _ => (StatusCodes.Status404NotFound, FakeAriJson.Error("Resource not found in the fake ARI")),
    };

    private (int, string?) WithControl(string channelId, Func<FakeChannel, (int, string?)> action)
    {
        // Asterisk's find_control: unknown channel -> 404, known but not in Stasis -> 409.
        if (LiveChannel(channelId) is not { } channel)
        {
            return NotFound(ChannelNotFound);
        }

        return channel.InStasis ? action(channel) : (StatusCodes.Status409Conflict, FakeAriJson.Error(ChannelNotInStasis));
    }

    private FakeChannel? LiveChannel(string channelId) =>
        _channels.TryGetValue(channelId, out var channel) && !channel.IsHungUp ? channel : null;

    private List<string> ChannelsInApp() => [.. _channels.Values.Where(c => c.InStasis && !c.IsHungUp && c.OtherApplication is null).Select(c => c.Id)];

    private string NextPlaybackId() => string.Create(CultureInfo.InvariantCulture, $"fake-playback-{++_playbackSequence}");

    private bool IsAuthorized(HttpRequest request)
    {
        var expected = Username + ":" + Password;
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim())) == expected;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        // Asterisk also accepts ?api_key=user:password; the router must not use it, tests check RawTarget for that.
        return request.Query["api_key"].ToString() == expected;
    }

    private static (int, string?) Ok(string body) => (StatusCodes.Status200OK, body);

    private static (int, string?) NoContent() => (StatusCodes.Status204NoContent, null);

    private static (int, string?) NotFound(string message) => (StatusCodes.Status404NotFound, FakeAriJson.Error(message));

    private static async Task RespondAsync(HttpContext context, int status, string? body)
    {
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }
}
