using AriCrmRouter.Routing.Evaluation;
using AriCrmRouter.Routing.Rules;
using BenchmarkDotNet.Attributes;

namespace AriCrmRouter.Benchmarks;

/// <summary>
/// Rule evaluation when the CRM value matches only the last row, so every row is compared:
/// ns per row = Mean / Rows. <c>WithTrail</c> is <see cref="RuleEvaluator.Evaluate"/> (the decision trail that
/// <c>simulate</c> and the decision log explain); <c>WithoutTrail</c> is <see cref="RuleEvaluator.Choose"/>.
/// Half the rows compare text, half numbers, as mixed rule sets do.
/// </summary>
[MemoryDiagnoser]
public class RuleEvaluationBenchmarks
{
    private Rule _rule = null!;
    private LookupOutcome _lastRowValue = null!;

    [Params(1, 10, 50)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rows = new List<RuleRow>(Rows);
        for (var i = 0; i < Rows - 1; i++)
        {
            rows.Add(i % 2 == 0
                ? new RuleRow(ComparisonOperator.Equal, $"TIER-{i}", Queue($"{600 + i}"))
                : new RuleRow(ComparisonOperator.GreaterThanOrEqual, $"{1_000_000 + i}", Queue($"{600 + i}")));
        }

        rows.Add(new RuleRow(ComparisonOperator.Equal, "GOLD", Queue("610")));
        _rule = new Rule
        {
            Name = "bench",
            CrmField = "status",
            Location = RuleLocation.Did,
            Crm = new CustomCrmSource(new Uri("https://crm.example.com/lookup"), false, new Dictionary<string, string>()),
            DefaultDestination = Queue("500"),
            DefaultVoicemail = VoicemailPreference.No,
            Rows = rows,
        };
        _lastRowValue = LookupOutcome.Found("gold");
    }

    [Benchmark(Baseline = true)]
    public Decision WithTrail() => RuleEvaluator.Evaluate(_rule, _lastRowValue);

    [Benchmark]
    public RoutingChoice WithoutTrail() => RuleEvaluator.Choose(_rule, _lastRowValue);

    private static Destination Queue(string target) => new(DestinationType.Queue, target);
}
