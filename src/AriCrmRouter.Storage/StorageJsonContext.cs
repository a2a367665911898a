using System.Text.Json.Serialization;
using AriCrmRouter.Storage.Administration;
using AriCrmRouter.Storage.Cache;
using AriCrmRouter.Storage.History;

namespace AriCrmRouter.Storage;

/// <summary>
/// Source-generated JSON for the shapes this project writes into Redis (besides the rule document): CRM connections,
/// cached answers and refresh tokens for the router, accounts, API tokens and change history for the administration.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredCrmConnection))]
[JsonSerializable(typeof(StoredAnswer))]
[JsonSerializable(typeof(StoredRefreshToken))]
[JsonSerializable(typeof(AdminAccount))]
[JsonSerializable(typeof(ApiTokenOwner))]
[JsonSerializable(typeof(ChangeRecord))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
