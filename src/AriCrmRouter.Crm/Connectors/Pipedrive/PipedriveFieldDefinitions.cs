using System.Collections.Concurrent;

namespace AriCrmRouter.Crm.Connectors.Pipedrive;

/// <summary>
/// The personFields/organizationFields definitions that map a field's name to its key, cached for a few
/// minutes per connection: each read costs Pipedrive API tokens.
/// </summary>
internal sealed class PipedriveFieldDefinitions(TimeProvider timeProvider)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const int MaxPages = 10;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, IReadOnlyList<PipedriveField> Fields)> _cached = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<PipedriveField>> ReadAsync(PipedriveSession session, string module, bool reload, CancellationToken cancellationToken)
    {
        var key = CredentialKey.For(session.Connection) + "\n" + module;
        if (!reload && _cached.TryGetValue(key, out var cached) && cached.Until > timeProvider.GetUtcNow())
        {
            return cached.Fields;
        }

        session.Events.ReadingDefinitions(session.Connection.Name, $"{module} field definitions");
        var resource = module == "persons" ? "personFields" : "organizationFields";
        var fields = new List<PipedriveField>();
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var path = $"api/v2/{resource}?limit=500" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var json = await session.GetAsync(path, "field definitions", notFoundIsNull: false, cancellationToken);
            if (!json!.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{session.Connection.Name}': the Pipedrive field definitions have no data");
            }

            fields.AddRange(data.EnumerateArray().Select(PipedriveField.From).OfType<PipedriveField>());
            cursor = json.RootElement.TryGetProperty("additional_data", out var more) && more.ValueKind == JsonValueKind.Object
                && more.TryGetProperty("next_cursor", out var next) && next.ValueKind == JsonValueKind.String
                ? next.GetString()
                : null;
            if (cursor is null)
            {
                break;
            }
        }

        _cached[key] = (timeProvider.GetUtcNow() + Lifetime, fields);
        return fields;
    }

    /// <summary>A field by its key, or by its name (<see cref="PipedriveField.Matches"/>).</summary>
    public static PipedriveField? Find(IReadOnlyList<PipedriveField> fields, string apiName) =>
        fields.FirstOrDefault(f => string.Equals(f.Code, apiName, StringComparison.Ordinal))
        ?? fields.FirstOrDefault(f => f.Matches(apiName));
}
