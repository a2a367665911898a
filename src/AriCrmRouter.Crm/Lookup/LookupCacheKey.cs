using System.Security.Cryptography;

namespace AriCrmRouter.Crm.Lookup;

/// <summary>
/// Identifies one CRM question: which CRM (<see cref="CrmTarget.CacheIdentity"/>: the custom URL, method and
/// headers; or the connection with its kind, settings and secrets, and the module), which field, and the key
/// (DTMF when collected, else the caller's number). Everything that can change the answer is part of the key, so
/// two tenants behind one URL with different API keys, or a connection edited to point at another account, never
/// share answers. The key is a SHA-256: caller numbers, header values and secrets are never stored in clear.
/// Parts are written with their lengths, so that no choice of values can make two questions read alike.
/// </summary>
public static class LookupCacheKey
{
    public static string For(CrmTarget target, string field, CallerInput input)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(input);
        var text = new StringBuilder();
        foreach (var part in target.CacheIdentity)
        {
            Add(text, part);
        }

        if (target.DidInCacheKey)
        {
            Add(text, input.Did);
        }

        Add(text, field);
        Add(text, input.CallerNumber);
        Add(text, input.Dtmf ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Name/value pairs as key parts, in a fixed order and led by their count.</summary>
    public static IEnumerable<string> Pairs(IReadOnlyDictionary<string, string> pairs, StringComparer order, bool lowerCaseNames)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        yield return pairs.Count.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in pairs.OrderBy(p => p.Key, order).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            yield return lowerCaseNames ? name.ToLowerInvariant() : name;
            yield return value;
        }
    }

    private static void Add(StringBuilder text, string part) => text.Append(part.Length).Append(':').Append(part).Append('|');
}
