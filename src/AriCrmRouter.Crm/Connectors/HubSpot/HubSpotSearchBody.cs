namespace AriCrmRouter.Crm.Connectors.HubSpot;

/// <summary>Body of <c>POST /crm/v3/objects/{object}/search</c>; filter groups are ORed, filters in a group ANDed.</summary>
internal sealed record HubSpotSearchBody(IReadOnlyList<HubSpotFilterGroup> FilterGroups, IReadOnlyList<string> Properties, int Limit);

internal sealed record HubSpotFilterGroup(IReadOnlyList<HubSpotFilter> Filters);

/// <summary>One condition: <c>EQ</c> with <see cref="Value"/>, or <c>IN</c> with <see cref="Values"/>.</summary>
internal sealed record HubSpotFilter(string PropertyName, string Operator, string? Value = null, IReadOnlyList<string>? Values = null);
