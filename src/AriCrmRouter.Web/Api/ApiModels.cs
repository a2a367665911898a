using System.Text.Json;
using System.Text.Json.Serialization;
using AriCrmRouter.Admin.Connections;
using AriCrmRouter.Storage.History;
using AriCrmRouter.Web.Services;

namespace AriCrmRouter.Web.Api;

public sealed record VersionResult(long Version);

public sealed record DidsResult(long Version, IReadOnlyDictionary<string, string> Dids);

public sealed record DidAssignmentBody(string Rule);

public sealed record ConnectionBody(string Kind, Dictionary<string, string>? Settings, Dictionary<string, string>? Secrets);

public sealed record ConnectionTestBody(string Module, string Field, string? Phone, string? KeyField, string? Key, int? TimeoutSeconds);

/// <summary>One problem, as the CLI and the pages report it: where (<c>rows[1].value</c>) and why.</summary>
public sealed record ProblemItem(string Path, string? Rule, string Reason);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VersionResult))]
[JsonSerializable(typeof(DidsResult))]
[JsonSerializable(typeof(DidAssignmentBody))]
[JsonSerializable(typeof(ConnectionBody))]
[JsonSerializable(typeof(ConnectionView))]
[JsonSerializable(typeof(IReadOnlyList<ConnectionView>))]
[JsonSerializable(typeof(ConnectionTestBody))]
[JsonSerializable(typeof(ConnectionTestResult))]
[JsonSerializable(typeof(SimulatedCall))]
[JsonSerializable(typeof(SimulationResult))]
[JsonSerializable(typeof(IReadOnlyList<ChangeRecord>))]
[JsonSerializable(typeof(IReadOnlyList<ProblemItem>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
