namespace AriCrmRouter.Routing.Validation;

public static partial class RuleValidator
{
    private static void CheckCrm(CrmSource? crm, Action<string, string> add)
    {
        switch (crm)
        {
            case null:
                add("crm", "crm is required");
                break;
            case CustomCrmSource custom:
                CheckCustomCrm(custom, add);
                break;
            case IntegrationCrmSource integration:
                if (string.IsNullOrWhiteSpace(integration.Connection))
                {
                    add("crm.connection", "connection is required");
                }
                else if (!NamePatterns.RuleName().IsMatch(integration.Connection))
                {
                    add("crm.connection", $"'{ProblemText.Shown(integration.Connection)}' is not a valid connection name: letters, digits, '_', '.', '-' (at most {RuleLimits.MaxNameLength})");
                }

                CheckApiName(integration.Module, "crm.module", required: true, RuleLimits.MaxCrmFieldLength, add);
                if (integration.KeyField is { Length: 0 })
                {
                    add("crm.keyField", "keyField must be omitted or null rather than empty");
                }
                else
                {
                    CheckApiName(integration.KeyField, "crm.keyField", required: false, RuleLimits.MaxCrmFieldLength, add);
                }

                break;
            default:
                add("crm", $"unsupported CRM source {crm.GetType().Name}");
                break;
        }
    }

    private static void CheckCustomCrm(CustomCrmSource custom, Action<string, string> add)
    {
        if (custom.Url is null)
        {
            add("crm.url", "url is required");
        }
        // URLs are not quoted back: a custom CRM's query string may carry a key.
        else if (!custom.Url.IsAbsoluteUri)
        {
            add("crm.url", "url must be an absolute URL starting with https://");
        }
        else if (!string.Equals(custom.Url.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal))
        {
            add("crm.url", $"url must start with https://, not {custom.Url.Scheme}://");
        }
        else if (custom.Url.OriginalString.Length > RuleLimits.MaxUrlLength)
        {
            add("crm.url", $"url is longer than {RuleLimits.MaxUrlLength} characters");
        }
        else if (!string.IsNullOrEmpty(custom.Url.UserInfo))
        {
            // A URL is logged on failures; credentials belong in headers, which are never logged.
            add("crm.url", "url must not contain credentials; send them in a header");
        }

        if (custom.Headers is null)
        {
            return;
        }

        if (custom.Headers.Count > RuleLimits.MaxHeaders)
        {
            add("crm.headers", $"{custom.Headers.Count} headers is more than the limit of {RuleLimits.MaxHeaders}");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (header, value) in custom.Headers)
        {
            var path = ProblemText.Key("crm.headers", header);
            if (!NamePatterns.HttpToken().IsMatch(header))
            {
                add(path, $"'{ProblemText.Shown(header)}' is not a valid HTTP header name");
            }
            else if (RuleLimits.ReservedHeaders.Contains(header, StringComparer.OrdinalIgnoreCase))
            {
                add(path, $"{header} is set by the router and cannot be overridden");
            }
            else if (!seen.Add(header))
            {
                add(path, $"header {header} is given more than once (names ignore case)");
            }

            // The value is a secret as often as not: never echo it.
            if (value is null)
            {
                add(path, "header value is required");
            }
            else if (value.Length > RuleLimits.MaxHeaderValueLength)
            {
                add(path, $"header value is longer than {RuleLimits.MaxHeaderValueLength} characters");
            }
            else if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
            {
                add(path, "header value must not contain CR, LF or NUL");
            }
        }
    }

    private static void CheckDtmf(DtmfSettings? dtmf, Action<string, string> add)
    {
        if (dtmf is null)
        {
            return;
        }

        if (dtmf.MaxDigits is < RuleLimits.MinDtmfDigits or > RuleLimits.MaxDtmfDigits)
        {
            add("dtmf.maxDigits", $"{dtmf.MaxDigits} is outside {RuleLimits.MinDtmfDigits}..{RuleLimits.MaxDtmfDigits}");
        }

        if (dtmf.Terminator is { } terminator && !RuleLimits.DtmfTerminators.Contains(terminator, StringComparison.Ordinal))
        {
            add("dtmf.terminator", $"'{ProblemText.Shown(terminator.ToString())}' is not a DTMF digit (0-9, *, #, A-D)");
        }

        CheckRange(dtmf.FirstDigitTimeout, "dtmf.firstDigitTimeoutMs", RuleLimits.MinDigitTimeout, RuleLimits.MaxDigitTimeout, add);
        CheckRange(dtmf.InterDigitTimeout, "dtmf.interDigitTimeoutMs", RuleLimits.MinDigitTimeout, RuleLimits.MaxDigitTimeout, add);
    }

    private static void CheckLookup(LookupSettings? lookup, Action<string, string> add)
    {
        if (lookup is null)
        {
            return;
        }

        if (lookup.Timeout is { } timeout)
        {
            CheckRange(timeout, "lookup.timeoutMs", RuleLimits.MinLookupTimeout, RuleLimits.MaxLookupTimeout, add);
        }

        if (lookup.CacheTtl is { } ttl)
        {
            CheckRange(ttl, "lookup.cacheTtlSeconds", TimeSpan.Zero, RuleLimits.MaxCacheTtl, add);
        }

        if (lookup.NegativeCacheTtl is { } negativeTtl)
        {
            CheckRange(negativeTtl, "lookup.negativeCacheTtlSeconds", TimeSpan.Zero, RuleLimits.MaxCacheTtl, add);
        }
    }

    private static void CheckRange(TimeSpan value, string path, TimeSpan min, TimeSpan max, Action<string, string> add)
    {
        if (value < min || value > max)
        {
            var seconds = path.EndsWith("Seconds", StringComparison.Ordinal);
            string Format(TimeSpan t) => seconds ? $"{t.TotalSeconds:0.###} s" : $"{t.TotalMilliseconds:0.###} ms";
            add(path, $"{Format(value)} is outside {Format(min)}..{Format(max)}");
        }
    }
}
