using System.Collections.Concurrent;
using AriCrmRouter.Crm.Lookup;
using AriCrmRouter.Routing.Evaluation;

namespace AriCrmRouter.Service.Tests.Fakes;

/// <summary>An in-memory CRM lookup: records by key (the DTMF entry, else the caller number), as the custom CRM protocol keys them.</summary>
internal sealed class FakeCrmLookup : ICrmLookup
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _records = new(StringComparer.Ordinal);

    public ConcurrentQueue<CallerInput> Requests { get; } = new();

    /// <summary>When set, every lookup fails with this reason (the CRM is down, answers garbage, is too slow).</summary>
    public string? FailWith { get; set; }

    /// <summary>When set, lookups wait for this gate (or their cancellation) before answering.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public void Add(string key, params (string Field, string Value)[] fields) =>
        _records[key] = fields.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal);

    public async Task<LookupResult> LookupAsync(Rule rule, CallerInput input, CancellationToken cancellationToken)
    {
        Requests.Enqueue(input);
        if (Hold is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (FailWith is { } reason)
        {
            return new LookupResult(LookupOutcome.Failed(reason), CacheHit: false, TimeSpan.Zero);
        }

        var key = string.IsNullOrEmpty(input.Dtmf) ? input.CallerNumber : input.Dtmf;
        var outcome = _records.TryGetValue(key, out var fields) && fields.TryGetValue(rule.CrmField, out var value)
            ? LookupOutcome.Found(value)
            : LookupOutcome.NotFound;
        return new LookupResult(outcome, CacheHit: false, TimeSpan.Zero);
    }
}
