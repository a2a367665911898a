using System.Text.Json.Serialization;

namespace AriCrmRouter.Service.Observability;

/// <summary>The body of <c>/readyz</c>: the overall status and each check's status and reason.</summary>
internal sealed record ReadinessReport(string Status, IReadOnlyDictionary<string, ReadinessEntry> Checks)
{
    public static ReadinessReport From(HealthReport report) => new(
        report.Status.ToString(),
        report.Entries.ToDictionary(e => e.Key, e => new ReadinessEntry(e.Value.Status.ToString(), e.Value.Description ?? ""), StringComparer.Ordinal));
}

internal sealed record ReadinessEntry(string Status, string Description);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReadinessReport))]
internal sealed partial class ObservabilityJsonContext : JsonSerializerContext;
