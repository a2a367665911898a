namespace AriCrmRouter.EndToEndTests.Infrastructure;

/// <summary>Call-setup times of the run, written at teardown as artifacts/call-setup-times.md (one row a scenario).</summary>
internal sealed class CallTimings
{
    private readonly List<(string Scenario, TimeSpan Setup, string Detail)> _timings = [];

    public void Record(string scenario, TimeSpan setup, string detail)
    {
        lock (_timings)
        {
            _timings.Add((scenario, setup, detail));
        }
    }

    public void WriteTo(string path)
    {
        List<(string Scenario, TimeSpan Setup, string Detail)> timings;
        lock (_timings)
        {
            timings = [.. _timings];
        }

        if (timings.Count == 0)
        {
            return;
        }

        var lines = new List<string>
        {
            "| Scenario | Calls | Call setup (ms): median / max | Landed | Rerun |",
            "| --- | --- | --- | --- | --- |",
        };
        foreach (var group in timings.GroupBy(t => t.Scenario))
        {
            var ms = group.Select(t => t.Setup.TotalMilliseconds).Order().ToList();
            var landed = string.Join(", ", group.Select(t => t.Detail).Distinct());
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key} | {ms.Count} | {ms[ms.Count / 2]:F0} / {ms[^1]:F0} | {landed} | `TEST_FILTER=FullyQualifiedName~{group.Key.Split(' ')[0]} scripts/test.sh e2e` |"));
        }

        File.WriteAllLines(path, lines);
    }
}
