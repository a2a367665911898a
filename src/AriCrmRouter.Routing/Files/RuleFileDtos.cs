using System.Text.Json.Serialization;

namespace AriCrmRouter.Routing.Files;

// The written shape of a rule file, documented in docs/rules.md and schema/rules.schema.json.
// Reading walks the JSON by hand (RuleFileReader) so that every problem is reported, not only the first.

internal sealed record RuleFileDto(
    [property: JsonPropertyName("$schema"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Schema,
    IReadOnlyList<RuleDto> Rules,
    IReadOnlyDictionary<string, string> Dids);

internal sealed record RuleDto(
    string Name,
    string CrmField,
    string Location,
    string? Greeting,
    CrmDto Crm,
    DestinationDto DefaultDestination,
    string DefaultVoicemail,
    IReadOnlyList<RowDto> Rows,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DtmfDto? Dtmf,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LookupDto? Lookup);

/// <summary>Both CRM kinds in one shape; members of the other kind are left out.</summary>
internal sealed record CrmDto(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? UsePost = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Headers = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Connection = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Module = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? KeyField = null);

internal sealed record DestinationDto(string Type, string Target);

internal sealed record RowDto(string Operator, string Value, DestinationDto Destination);

internal sealed record DtmfDto(int MaxDigits, string? Terminator, int FirstDigitTimeoutMs, int InterDigitTimeoutMs);

internal sealed record LookupDto(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TimeoutMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CacheTtlSeconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? NegativeCacheTtlSeconds);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RuleFileDto))]
[JsonSerializable(typeof(RuleDto))]
internal sealed partial class RuleFileJsonContext : JsonSerializerContext;
