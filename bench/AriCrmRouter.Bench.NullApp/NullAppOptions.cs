using System.ComponentModel.DataAnnotations;

namespace AriCrmRouter.Bench.NullApp;

/// <summary>Where every call is continued to (configuration section <c>NullApp</c>).</summary>
internal sealed class NullAppOptions
{
    public const string SectionName = "NullApp";

    [Required]
    public string Context { get; set; } = "crmrouter-ivr";

    [Required]
    public string Extension { get; set; } = "bench";

    [Range(1, int.MaxValue)]
    public int Priority { get; set; } = 1;
}
