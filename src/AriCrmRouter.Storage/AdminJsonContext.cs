using System.Text.Json.Serialization;
using AriCrmRouter.Storage.Administration;
using AriCrmRouter.Storage.History;

namespace AriCrmRouter.Storage;

/// <summary>Source-generated JSON for what the administration surfaces keep in Redis: accounts, tokens, history.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdminAccount))]
[JsonSerializable(typeof(ApiTokenOwner))]
[JsonSerializable(typeof(ChangeRecord))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
