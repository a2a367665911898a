using System.Text.Json.Serialization.Metadata;

namespace AriCrmRouter.Routing.Files;

/// <summary>
/// The member names of each object of a rule file, read from the records the codec writes (RuleFileDtos), so the
/// reader accepts exactly what the writer produces and the two cannot drift apart.
/// </summary>
internal static class RuleFileMembers
{
    private static readonly RuleFileJsonContext Shapes = RuleFileJsonContext.Default;

    /// <summary>The member that says which kind of CRM a <c>crm</c> object is.</summary>
    public static readonly string CrmType = Shapes.CrmDto.PolymorphismOptions!.TypeDiscriminatorPropertyName;

    public static readonly string[] File = Of(Shapes.RuleFileDto);
    public static readonly string[] Rule = Of(Shapes.RuleDto);
    public static readonly string[] Row = Of(Shapes.RowDto);
    public static readonly string[] Destination = Of(Shapes.DestinationDto);
    public static readonly string[] CustomCrm = [CrmType, .. Of(Shapes.CustomCrmDto)];
    public static readonly string[] IntegrationCrm = [CrmType, .. Of(Shapes.IntegrationCrmDto)];

    /// <summary>A <c>crm</c> object whose type is missing or unknown may use the members of either kind.</summary>
    public static readonly string[] AnyCrm = [.. CustomCrm.Union(IntegrationCrm, StringComparer.Ordinal)];

    public static readonly string[] Dtmf = Of(Shapes.DtmfDto);
    public static readonly string[] Lookup = Of(Shapes.LookupDto);

    private static string[] Of(JsonTypeInfo shape) => [.. shape.Properties.Select(property => property.Name)];
}
