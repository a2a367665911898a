using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Web.Forms;

/// <summary>
/// The add/edit form of a rule, as the browser posts it: every value a string, so that whatever was typed
/// comes back to the admin with its error rather than being lost by model binding. <see cref="RuleFormMapper"/>
/// turns it into a <see cref="Rule"/> for the shared validator and back.
/// </summary>
public sealed class RuleForm
{
    public string Name { get; set; } = "";

    public string CrmField { get; set; } = "";

    /// <summary><c>did</c> or <c>ivr</c>.</summary>
    public string Location { get; set; } = "did";

    public string? Greeting { get; set; }

    public string? DtmfMaxDigits { get; set; }

    public string? DtmfTerminator { get; set; }

    public string? DtmfFirstDigitTimeoutMs { get; set; }

    public string? DtmfInterDigitTimeoutMs { get; set; }

    /// <summary><c>integration</c> (a connection from Integrations) or <c>custom</c> (an https URL).</summary>
    public string CrmKind { get; set; } = "integration";

    public string? Connection { get; set; }

    public string? Module { get; set; }

    public string? KeyField { get; set; }

    public string? Url { get; set; }

    /// <summary><c>yes</c> or <c>no</c>.</summary>
    public string UsePost { get; set; } = "no";

    public List<HeaderForm> Headers { get; set; } = [];

    public string DefaultType { get; set; } = "queue";

    public string DefaultTarget { get; set; } = "";

    /// <summary><c>yes</c>, <c>no</c> or <c>notSet</c>.</summary>
    public string DefaultVoicemail { get; set; } = "notSet";

    public List<RowForm> Rows { get; set; } = [new()];

    public string? LookupTimeoutMs { get; set; }

    public string? CacheTtlSeconds { get; set; }

    public string? NegativeCacheTtlSeconds { get; set; }
}

public sealed class RowForm
{
    public string Operator { get; set; } = "=";

    public string Value { get; set; } = "";

    public string DestinationType { get; set; } = "queue";

    public string Target { get; set; } = "";
}

public sealed class HeaderForm
{
    public string Name { get; set; } = "";

    public string Value { get; set; } = "";
}
