using System.Security.Cryptography;
using System.Text;
using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Crm.Lookup;

/// <summary>
/// Identifies one CRM question: which CRM (custom URL, or connection and module), which field, and the key
/// (DTMF when collected, else the caller's number). Hashed so caller numbers are not stored in clear as keys.
/// </summary>
public static class LookupCacheKey
{
    public static string For(Rule rule, CallerInput input)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(input);
        var source = rule.Crm switch
        {
            CustomCrmSource custom => $"custom|{custom.Url}|{(custom.UsePost ? "post" : "get")}",
            IntegrationCrmSource integration => $"integration|{integration.Connection}|{integration.Module}|{integration.KeyField}",
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Crm, "unknown CRM source"),
        };
        var text = $"{source}|{rule.CrmField}|{input.CallerNumber}|{input.Dtmf}|{(rule.Crm is CustomCrmSource ? input.Did : "")}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The circuit breaker's key: one breaker per CRM endpoint or connection.</summary>
    public static string BreakerFor(CrmSource source) => source switch
    {
        CustomCrmSource custom => $"custom:{custom.Url.GetLeftPart(UriPartial.Authority)}",
        IntegrationCrmSource integration => $"connection:{integration.Connection}",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "unknown CRM source"),
    };
}
