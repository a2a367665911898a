using System.Text.Json.Serialization;

namespace AriCrmRouter.Routing.Files;

// The one definition of the rule file's shape. The codec writes these records; the reader accepts exactly
// their members (RuleFileMembers), walking the JSON by hand so that every problem is reported with its path,
// not only the first; schema/rules.schema.json and docs/rules.md are checked against them (ExampleFilesTests).

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

/// <summary>The rule's CRM: its <c>type</c> member says which kind, and each kind has its own members.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CustomCrmDto), RuleFileNames.CustomCrm)]
[JsonDerivedType(typeof(IntegrationCrmDto), RuleFileNames.IntegrationCrm)]
internal abstract record CrmDto;

internal sealed record CustomCrmDto(string Url, bool UsePost, IReadOnlyDictionary<string, string> Headers) : CrmDto;

internal sealed record IntegrationCrmDto(
    string Connection,
    string Module,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? KeyField) : CrmDto;

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
[JsonSerializable(typeof(CustomCrmDto))]
[JsonSerializable(typeof(IntegrationCrmDto))]
internal sealed partial class RuleFileJsonContext : JsonSerializerContext;
