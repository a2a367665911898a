using System.Collections.Concurrent;
using System.Net;
using AriCrmRouter.Ari.Models;
using AriCrmRouter.Ari.Rest;

namespace AriCrmRouter.Tests.Calls;

/// <summary>
/// An in-memory <see cref="IAriClient"/> that records every command as a line ("continue 1.1 crmrouter-queue 103 1")
/// and can be told to fail. Channels and the application listing are set by the test.
/// </summary>
internal sealed class ScriptedAriClient : IAriClient
{
    private readonly ConcurrentQueue<string> _commands = new();
    private TaskCompletionSource _recorded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentDictionary<string, Channel> Channels { get; } = new();

    /// <summary>Command prefix (e.g. "continue 1.1") to the status it fails with, once per entry.</summary>
    public ConcurrentDictionary<string, HttpStatusCode> FailOnce { get; } = new();

    /// <summary>Command prefix to an exception thrown every time.</summary>
    public ConcurrentDictionary<string, Exception> Throw { get; } = new();

    /// <summary>Command prefix to a gate: a matching command is recorded, then waits until the test opens the gate.</summary>
    public ConcurrentDictionary<string, TaskCompletionSource> Hold { get; } = new();

    public IReadOnlyList<string> Commands => [.. _commands];

    public IEnumerable<string> CommandsFor(string channelId) => Commands.Where(c => c.Split(' ').ElementAtOrDefault(1) == channelId);

    /// <summary>The last decision label set on the channel (<c>reason:rule:target</c>), or null when none was set.</summary>
    public string? LabelOf(string channelId)
    {
        var prefix = $"var {channelId} CRMROUTER_DECISION=";
        return CommandsFor(channelId).LastOrDefault(c => c.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
    }

    public Task AnswerAsync(string channelId, CancellationToken cancellationToken) => Record($"answer {channelId}");

    public Task RingAsync(string channelId, CancellationToken cancellationToken) => Record($"ring {channelId}");

    public async Task<Playback> PlayAsync(string channelId, string playbackId, string media, CancellationToken cancellationToken)
    {
        await Record($"play {channelId} {playbackId} {media}");
        return new Playback { Id = playbackId, MediaUri = media, TargetUri = $"channel:{channelId}", State = "queued" };
    }

    public Task StopPlaybackAsync(string playbackId, CancellationToken cancellationToken) => Record($"stop {playbackId}");

    public Task SetVariableAsync(string channelId, string name, string value, CancellationToken cancellationToken) => Record($"var {channelId} {name}={value}");

    public Task ContinueAsync(string channelId, string context, string extension, int priority, CancellationToken cancellationToken) =>
        Record($"continue {channelId} {context} {extension} {priority}");

    public async Task<Channel?> GetChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        await Record($"get {channelId}");
        return Channels.GetValueOrDefault(channelId);
    }

    /// <summary>Channel ids another application has already claimed: a claim of them loses.</summary>
    public ConcurrentDictionary<string, bool> ClaimedElsewhere { get; } = new();

    public async Task<bool> ClaimAsync(string channelId, string application, CancellationToken cancellationToken)
    {
        await Record($"claim {channelId} {application}");
        return !ClaimedElsewhere.ContainsKey(channelId);
    }

    public async Task<bool> MoveAsync(string channelId, string application, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        await Record($"move {channelId} {application} {string.Join(',', args)}");
        return Channels.ContainsKey(channelId);
    }

    public Task SetEventFilterAsync(string applicationName, IReadOnlyCollection<string> allowedTypes, CancellationToken cancellationToken)
        => Record($"filter {applicationName} {string.Join(',', allowedTypes)}");

    public async Task<Application?> GetApplicationAsync(string applicationName, CancellationToken cancellationToken)
    {
        // Listed before the command is recorded: a test that saw the command knows what the router got.
        string[] channelIds = [.. Channels.Keys];
        await Record($"application {applicationName}");
        return new Application { Name = applicationName, ChannelIds = channelIds };
    }

    /// <summary>Waits (woken by each recorded command) until one satisfies <paramref name="predicate"/>.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> predicate, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var recorded = Volatile.Read(ref _recorded).Task;
            if (Commands.FirstOrDefault(predicate) is { } match)
            {
                return match;
            }

            try
            {
                await recorded.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no command matched; saw:\n{string.Join('\n', Commands)}");
            }
        }
    }

    private async Task Record(string command)
    {
        _commands.Enqueue(command);
        Interlocked.Exchange(ref _recorded, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        foreach (var (prefix, gate) in Hold)
        {
            if (command.StartsWith(prefix, StringComparison.Ordinal))
            {
                await gate.Task;
            }
        }

        foreach (var (prefix, exception) in Throw)
        {
            if (command.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw exception;
            }
        }

        foreach (var prefix in FailOnce.Keys)
        {
            if (command.StartsWith(prefix, StringComparison.Ordinal) && FailOnce.TryRemove(prefix, out var status))
            {
                throw new AriException(status, "POST", "/" + command.Split(' ')[0], "scripted failure");
            }
        }
    }
}
