using System.Text.Json.Serialization;
using AriCrmRouter.Storage.Cache;
using AriCrmRouter.Storage.Connections;

namespace AriCrmRouter.Storage;

/// <summary>Source-generated JSON for the shapes this project writes into Redis (besides the rule document).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredCrmConnection))]
[JsonSerializable(typeof(StoredAnswer))]
[JsonSerializable(typeof(StoredRefreshToken))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
