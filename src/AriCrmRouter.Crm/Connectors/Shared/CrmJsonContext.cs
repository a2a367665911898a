using System.Text.Json.Serialization;
using AriCrmRouter.Crm.Connectors.HubSpot;

namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// The vendor wire types read and written with source-generated JSON. Token answers name their properties
/// explicitly; the HubSpot search body is camelCase and leaves out unset filter values.
/// </summary>
[JsonSerializable(typeof(OAuthTokenAnswer))]
[JsonSerializable(typeof(HubSpotSearchBody))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowReadingFromString, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class CrmJsonContext : JsonSerializerContext;
