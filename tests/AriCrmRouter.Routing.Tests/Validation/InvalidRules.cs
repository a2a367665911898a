namespace AriCrmRouter.Routing.Tests.Validation;

/// <summary>A rule with one invalid member, where the validator must report it and what the reason must say.</summary>
public sealed record InvalidRule(string Case, Rule Rule, string Path, string Reason)
{
    public override string ToString() => $"{Case} -> {Path}";
}

/// <summary>Every member the validator checks, made invalid one at a time (each rule is otherwise valid).</summary>
internal static class InvalidRules
{
    public static TheoryData<InvalidRule> Members => new()
    {
        new("blank name", Did() with { Name = "" }, "name", "name is required"),
        new("name of spaces", Did() with { Name = "   " }, "name", "name is required"),
        new("name with a leading dash", Did() with { Name = "-leading-dash" }, "name", "must start with a letter or digit"),
        new("name with a space", Did() with { Name = "has space" }, "name", "must start with a letter or digit"),
        new("name not ASCII", Did() with { Name = "ümlaut" }, "name", "must start with a letter or digit"),
        new("name too long", Did(new string('a', RuleLimits.MaxNameLength + 1)), "name", "at most 64"),
        new("blank CRM field", Did() with { CrmField = "" }, "crmField", "crmField is required"),
        new("CRM field with a space", Did() with { CrmField = "Account Name" }, "crmField", "not a CRM API name"),
        new("CRM field with a semicolon", Did() with { CrmField = "status;drop" }, "crmField", "not a CRM API name"),
        new("CRM field too long", Did() with { CrmField = new string('f', 101) }, "crmField", "longer than 100"),
        new("undefined location", Did() with { Location = (RuleLocation)7 }, "location", "did or ivr"),
        new("greeting on a DID rule", Did() with { Greeting = "custom/hello" }, "greeting", "only allowed on ivr rules"),
        new("absolute greeting", Ivr() with { Greeting = "/etc/passwd" }, "greeting", "relative to the sounds directory"),
        new("greeting climbing out", Ivr() with { Greeting = "custom/../../secret" }, "greeting", "relative to the sounds directory"),
        new("greeting with a space", Ivr() with { Greeting = "hello world" }, "greeting", "not a valid sound name"),
        new("blank greeting", Ivr() with { Greeting = "" }, "greeting", "must not be blank"),
        new("missing CRM", Did() with { Crm = null! }, "crm", "crm is required"),
        new("http URL", Did() with { Crm = Custom("http://crm.example.com/lookup") }, "crm.url", "must start with https://, not http://"),
        new("ftp URL", Did() with { Crm = Custom("ftp://crm.example.com/lookup") }, "crm.url", "must start with https://, not ftp://"),
        new("relative URL", Did() with { Crm = Custom("crm.example.com/lookup") }, "crm.url", "absolute URL starting with https://"),
        new("URL with credentials", Did() with { Crm = Custom("https://user:pass@crm.example.com/lookup") }, "crm.url", "must not contain credentials"),
        new("header name with spaces", Did() with { Crm = Header("X Api Key", "value") }, "crm.headers[\"X Api Key\"]", "not a valid HTTP header name"),
        new("header name with a colon", Did() with { Crm = Header("X-Api-Key:", "value") }, "crm.headers[\"X-Api-Key:\"]", "not a valid HTTP header name"),
        new("content type header", Did() with { Crm = Header("content-type", "text/plain") }, "crm.headers[\"content-type\"]", "cannot be overridden"),
        new("host header", Did() with { Crm = Header("Host", "evil.example.com") }, "crm.headers[\"Host\"]", "cannot be overridden"),
        new("header value with CR LF", Did() with { Crm = Header("X-Api-Key", "a\r\nX-Injected: 1") }, "crm.headers[\"X-Api-Key\"]", "must not contain CR, LF"),
        new("header names differing in case", Did() with { Crm = Header(("X-Key", "a"), ("x-key", "b")) }, "crm.headers[\"x-key\"]", "more than once"),
        new("blank connection", Ivr() with { Crm = new IntegrationCrmSource("", "Contacts", null) }, "crm.connection", "connection is required"),
        new("connection with a space", Ivr() with { Crm = new IntegrationCrmSource("zoho eu", "Contacts", null) }, "crm.connection", "not a valid connection name"),
        new("blank module", Ivr() with { Crm = new IntegrationCrmSource("zoho-eu", "", null) }, "crm.module", "crm.module is required"),
        new("module not an API name", Ivr() with { Crm = new IntegrationCrmSource("zoho-eu", "Contacts!", null) }, "crm.module", "not a CRM API name"),
        new("key field not an API name", Ivr() with { Crm = new IntegrationCrmSource("zoho-eu", "Contacts", "Account Number") }, "crm.keyField", "not a CRM API name"),
        new("blank key field", Ivr() with { Crm = new IntegrationCrmSource("zoho-eu", "Contacts", "") }, "crm.keyField", "omitted or null"),
        new("missing default destination", Did() with { DefaultDestination = null! }, "defaultDestination", "required"),
        new("undefined default voicemail", Did() with { DefaultVoicemail = (VoicemailPreference)9 }, "defaultVoicemail", "yes, no or notSet"),
        new("no rows", Did() with { Rows = [] }, "rows", "at least one row"),
        new("too many rows", Did("many", [.. Enumerable.Range(0, RuleLimits.MaxRowsPerRule + 1).Select(i => Row("=", $"v{i}", Queue("1")))]), "rows", "more than the limit"),
        new("undefined operator", Did("r", new RuleRow((ComparisonOperator)42, "1", Queue("1"))), "rows[0].operator", "one of <, >, ="),
        new("blank row value", Did("r", Row("=", "GOLD", Queue("1")), Row("=", "", Queue("2"))), "rows[1].value", "value is required"),
        new("row value of spaces", Did("r", Row("=", "GOLD", Queue("1")), Row("=", "   ", Queue("2"))), "rows[1].value", "value is required"),
        new("row without destination", Did("r", Row("=", "GOLD", null!)), "rows[0].destination", "destination is required"),
        new("queue target with dialplan", RowTo(DestinationType.Queue, "100; Hangup()"), "rows[0].destination.target", "not a valid"),
        new("IVR target with a space", RowTo(DestinationType.Ivr, "5 00"), "rows[0].destination.target", "not a valid"),
        new("extension target with a priority", RowTo(DestinationType.Extension, "2001,1"), "rows[0].destination.target", "not a valid"),
        new("voicemail target with a context", RowTo(DestinationType.Voicemail, "2100@default"), "rows[0].destination.target", "not a valid"),
        new("recording climbing out", DefaultTo(DestinationType.Recording, "../secret"), "defaultDestination.target", "sound"),
        new("absolute recording", DefaultTo(DestinationType.Recording, "/var/lib/asterisk/sounds/x"), "defaultDestination.target", "sound"),
        new("recording with a space", DefaultTo(DestinationType.Recording, "welcome message"), "defaultDestination.target", "sound"),
        new("blank target", DefaultTo(DestinationType.Queue, " "), "defaultDestination.target", "target is required"),
        new("undefined destination type", DefaultTo((DestinationType)12, "1"), "defaultDestination.type", "one of queue"),
        new("no digits wanted", Ivr() with { Dtmf = new DtmfSettings { MaxDigits = 0 } }, "dtmf.maxDigits", "outside 1..32"),
        new("too many digits wanted", Ivr() with { Dtmf = new DtmfSettings { MaxDigits = 33 } }, "dtmf.maxDigits", "outside 1..32"),
        new("terminator X", Ivr() with { Dtmf = new DtmfSettings { Terminator = 'X' } }, "dtmf.terminator", "not a DTMF digit"),
        new("terminator lower-case e", Ivr() with { Dtmf = new DtmfSettings { Terminator = 'e' } }, "dtmf.terminator", "not a DTMF digit"),
        new("terminator space", Ivr() with { Dtmf = new DtmfSettings { Terminator = ' ' } }, "dtmf.terminator", "not a DTMF digit"),
    };

    public static CustomCrmSource Custom(string url) =>
        new(new Uri(url, UriKind.RelativeOrAbsolute), false, new Dictionary<string, string>());

    public static CustomCrmSource Header(string name, string value) => Header((name, value));

    private static CustomCrmSource Header(params (string Name, string Value)[] headers) =>
        new(new Uri("https://crm.example.com"), true, headers.ToDictionary(h => h.Name, h => h.Value));

    private static Rule RowTo(DestinationType type, string target) => Did("r", Row("=", "GOLD", new Destination(type, target)));

    private static Rule DefaultTo(DestinationType type, string target) => Did() with { DefaultDestination = new Destination(type, target) };
}
