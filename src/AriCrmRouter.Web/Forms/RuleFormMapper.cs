using System.Globalization;
using AriCrmRouter.Routing.Rules;
using AriCrmRouter.Routing.Validation;

namespace AriCrmRouter.Web.Forms;

/// <summary>
/// Between the form and the domain <see cref="Rule"/>. Only what the validator cannot see is checked here
/// (text that is not a number, a URL that does not parse); everything else is left to
/// <see cref="RuleValidator"/>, so the browser, the REST API and the CLI report the same problems.
/// Problem paths are the validator's (<c>crm.url</c>, <c>rows[1].value</c>).
/// </summary>
public static class RuleFormMapper
{
    public static RuleForm FromRule(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var form = new RuleForm
        {
            Name = rule.Name,
            CrmField = rule.CrmField,
            Location = rule.Location == RuleLocation.Ivr ? "ivr" : "did",
            Greeting = rule.Greeting,
            DefaultType = rule.DefaultDestination.Type.ToWireName(),
            DefaultTarget = rule.DefaultDestination.Target,
            DefaultVoicemail = rule.DefaultVoicemail switch { VoicemailPreference.Yes => "yes", VoicemailPreference.No => "no", _ => "notSet" },
            Rows = [.. rule.Rows.Select(r => new RowForm
            {
                Operator = r.Operator.ToSymbol(),
                Value = r.Value,
                DestinationType = r.Destination.Type.ToWireName(),
                Target = r.Destination.Target,
            })],
            LookupTimeoutMs = Milliseconds(rule.Lookup.Timeout),
            CacheTtlSeconds = Seconds(rule.Lookup.CacheTtl),
            NegativeCacheTtlSeconds = Seconds(rule.Lookup.NegativeCacheTtl),
        };
        if (rule.Dtmf is { } dtmf)
        {
            form.DtmfMaxDigits = dtmf.MaxDigits.ToString(CultureInfo.InvariantCulture);
            form.DtmfTerminator = dtmf.Terminator?.ToString();
            form.DtmfFirstDigitTimeoutMs = Milliseconds(dtmf.FirstDigitTimeout);
            form.DtmfInterDigitTimeoutMs = Milliseconds(dtmf.InterDigitTimeout);
        }

        switch (rule.Crm)
        {
            case IntegrationCrmSource integration:
                form.CrmKind = "integration";
                form.Connection = integration.Connection;
                form.Module = integration.Module;
                form.KeyField = integration.KeyField;
                break;
            case CustomCrmSource custom:
                form.CrmKind = "custom";
                form.Url = custom.Url.OriginalString;
                form.UsePost = custom.UsePost ? "yes" : "no";
                form.Headers = [.. custom.Headers.Select(h => new HeaderForm { Name = h.Key, Value = h.Value })];
                break;
        }

        return form;
    }

    /// <summary>The rule the form describes, and the problems only the form can have (unparsable numbers, URL, operators).</summary>
    public static (Rule Rule, IReadOnlyList<ValidationProblem> Problems) ToRule(RuleForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var problems = new List<ValidationProblem>();
        var name = form.Name.Trim();
        void Add(string path, string reason) => problems.Add(new ValidationProblem(path, name.Length == 0 ? null : name, reason));

        var location = form.Location == "ivr" ? RuleLocation.Ivr : RuleLocation.Did;
        var rows = new List<RuleRow>();
        for (var i = 0; i < form.Rows.Count; i++)
        {
            var row = form.Rows[i];
            if (!ComparisonOperatorSymbols.TryParse(row.Operator, out var op))
            {
                Add($"rows[{i}].operator", "operator must be one of <, >, =, <=, >=");
            }

            rows.Add(new RuleRow(op, row.Value ?? "", ToDestination(row.DestinationType, row.Target, $"rows[{i}].destination", Add)));
        }

        var rule = new Rule
        {
            Name = name,
            CrmField = (form.CrmField ?? "").Trim(),
            Location = location,
            Greeting = location == RuleLocation.Ivr && !string.IsNullOrWhiteSpace(form.Greeting) ? form.Greeting.Trim() : null,
            Crm = ToCrm(form, Add),
            DefaultDestination = ToDestination(form.DefaultType, form.DefaultTarget, "defaultDestination", Add),
            DefaultVoicemail = form.DefaultVoicemail switch { "yes" => VoicemailPreference.Yes, "no" => VoicemailPreference.No, _ => VoicemailPreference.NotSet },
            Rows = rows,
            Dtmf = location == RuleLocation.Ivr ? ToDtmf(form, Add) : null,
            Lookup = new LookupSettings
            {
                Timeout = Duration(form.LookupTimeoutMs, "lookup.timeoutMs", TimeSpan.FromMilliseconds, Add),
                CacheTtl = Duration(form.CacheTtlSeconds, "lookup.cacheTtlSeconds", TimeSpan.FromSeconds, Add),
                NegativeCacheTtl = Duration(form.NegativeCacheTtlSeconds, "lookup.negativeCacheTtlSeconds", TimeSpan.FromSeconds, Add),
            },
        };
        return (rule, problems);
    }

    private static CrmSource ToCrm(RuleForm form, Action<string, string> add)
    {
        if (form.CrmKind != "custom")
        {
            return new IntegrationCrmSource(
                (form.Connection ?? "").Trim(),
                (form.Module ?? "").Trim(),
                string.IsNullOrWhiteSpace(form.KeyField) ? null : form.KeyField.Trim());
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < form.Headers.Count; i++)
        {
            var header = form.Headers[i];
            if (string.IsNullOrWhiteSpace(header.Name) && string.IsNullOrWhiteSpace(header.Value))
            {
                continue;
            }

            if (!headers.TryAdd(header.Name?.Trim() ?? "", header.Value ?? ""))
            {
                add($"crm.headers[\"{header.Name}\"]", $"header {header.Name} is given more than once");
            }
        }

        var text = (form.Url ?? "").Trim();
        Uri? url = null;
        if (text.Length > 0 && !Uri.TryCreate(text, UriKind.Absolute, out url))
        {
            add("crm.url", "url must be an absolute URL starting with https://");
        }

        // A missing URL is left null for the validator to report as "url is required".
        return new CustomCrmSource(url!, form.UsePost == "yes", headers);
    }

    private static Destination ToDestination(string? type, string? target, string path, Action<string, string> add)
    {
        if (!DestinationTypeNames.TryParse(type, out var parsed))
        {
            add(path + ".type", "type must be one of queue, ivr, extension, voicemail, recording");
        }

        return new Destination(parsed, (target ?? "").Trim());
    }

    private static DtmfSettings? ToDtmf(RuleForm form, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(form.DtmfMaxDigits) && string.IsNullOrWhiteSpace(form.DtmfTerminator)
            && string.IsNullOrWhiteSpace(form.DtmfFirstDigitTimeoutMs) && string.IsNullOrWhiteSpace(form.DtmfInterDigitTimeoutMs))
        {
            return null;
        }

        var defaults = DtmfSettings.Defaults;
        var terminator = (form.DtmfTerminator ?? "").Trim();
        if (terminator.Length > 1)
        {
            add("dtmf.terminator", $"'{terminator}' is not a DTMF digit (0-9, *, #, A-D)");
        }

        return new DtmfSettings
        {
            MaxDigits = Number(form.DtmfMaxDigits, "dtmf.maxDigits", add) is { } digits ? (int)digits : defaults.MaxDigits,
            Terminator = terminator.Length == 1 ? terminator[0] : null,
            FirstDigitTimeout = Duration(form.DtmfFirstDigitTimeoutMs, "dtmf.firstDigitTimeoutMs", TimeSpan.FromMilliseconds, add) ?? defaults.FirstDigitTimeout,
            InterDigitTimeout = Duration(form.DtmfInterDigitTimeoutMs, "dtmf.interDigitTimeoutMs", TimeSpan.FromMilliseconds, add) ?? defaults.InterDigitTimeout,
        };
    }

    private static TimeSpan? Duration(string? text, string path, Func<double, TimeSpan> unit, Action<string, string> add) =>
        Number(text, path, add) is { } value ? unit(value) : null;

    private static long? Number(string? text, string path, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= int.MaxValue)
        {
            return value;
        }

        add(path, $"'{text.Trim()}' is not a whole number");
        return null;
    }

    private static string? Milliseconds(TimeSpan? value) =>
        value is { } v ? ((long)v.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) : null;

    private static string? Seconds(TimeSpan? value) =>
        value is { } v ? ((long)v.TotalSeconds).ToString(CultureInfo.InvariantCulture) : null;
}
