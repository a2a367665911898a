using System.Security.Cryptography;
using System.Text;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Crm.Lookup;

/// <summary>
/// Identifies one CRM question: which CRM (custom URL, method and headers; or the connection with its kind,
/// settings and secrets, and the module), which field, and the key (DTMF when collected, else the caller's
/// number). Everything that can change the answer is part of the key, so two tenants behind one URL with
/// different API keys, or a connection edited to point at another account, never share answers. The key is
/// a SHA-256: caller numbers, header values and secrets are never stored in clear.
/// </summary>
public static class LookupCacheKey
{
    /// <summary>The key of <paramref name="rule"/>'s question about <paramref name="input"/>; integration rules need their <paramref name="connection"/>.</summary>
    public static string For(Rule rule, CallerInput input, CrmConnection? connection = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(input);
        var text = new KeyText();
        switch (rule.Crm)
        {
            case CustomCrmSource custom:
                text.Add("custom").Add(custom.Url.AbsoluteUri).Add(custom.UsePost ? "post" : "get");
                text.AddPairs(custom.Headers, StringComparer.OrdinalIgnoreCase, lowerCaseNames: true);
                text.Add(input.Did);
                break;
            case IntegrationCrmSource integration:
                ArgumentNullException.ThrowIfNull(connection);
                text.Add("integration").Add(integration.Connection.ToUpperInvariant()).Add(integration.Module).Add(integration.KeyField ?? "");
                text.Add(connection.Kind);
                text.AddPairs(connection.Settings, StringComparer.Ordinal, lowerCaseNames: false);
                text.AddPairs(connection.Secrets, StringComparer.Ordinal, lowerCaseNames: false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule.Crm, "unknown CRM source");
        }

        text.Add(rule.CrmField).Add(input.CallerNumber).Add(input.Dtmf ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The circuit breaker's key: one breaker per CRM endpoint or connection.</summary>
    public static string BreakerFor(CrmSource source) => source switch
    {
        CustomCrmSource custom => $"custom:{custom.Url.GetLeftPart(UriPartial.Authority)}",
        IntegrationCrmSource integration => $"connection:{integration.Connection}",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "unknown CRM source"),
    };

    /// <summary>Parts written with their lengths, so that no choice of values can make two questions read alike.</summary>
    private sealed class KeyText
    {
        private readonly StringBuilder _text = new();

        public KeyText Add(string part)
        {
            _text.Append(part.Length).Append(':').Append(part).Append('|');
            return this;
        }

        public void AddPairs(IReadOnlyDictionary<string, string> pairs, StringComparer order, bool lowerCaseNames)
        {
            Add(pairs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (name, value) in pairs.OrderBy(p => p.Key, order).ThenBy(p => p.Value, StringComparer.Ordinal))
            {
                Add(lowerCaseNames ? name.ToLowerInvariant() : name).Add(value);
            }
        }

        public override string ToString() => _text.ToString();
    }
}
