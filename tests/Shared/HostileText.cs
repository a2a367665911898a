using System.Globalization;
using CsCheck;

namespace AriCrmRouter.Tests.Hostile;

/// <summary>Text an attacker, a broken CRM or a careless admin would send, for the hostile-input campaign.</summary>
internal static class HostileText
{
    /// <summary>Values that broke parsers before or sit on a boundary: newlines, path-shaped keys, surrogates, numbers.</summary>
    public static readonly string[] Classics =
    [
        "", " ", "vip", "vip\n", "\n", "\r\n", "\t", "rules[x", "rules[99999999999]", "rules[0]", "dids[\"1\"]", "$", "$schema",
        "\ud800", "x\udc00y", "\ud83d\ude00", "\u2028", "\0", "a\0b", "\u00e9", "\u202e", "null", "true", "0", "-1", "1e3",
        "1,000", "1 000", "+1", ".5", "1e300", "NaN", "Infinity", "99999999999999999999999999999999", "0x1F",
        "=>", "<=", ">=", "=", "<", ">", "did", "ivr", "DID", "queue", "recording", "custom", "integration",
        "https://crm.example.com/lookup", "http://crm.example.com/", "https://user:pw@crm.example.com/", "file:///etc/passwd",
        "../../etc/passwd", "/abs", "custom/..", "*97", "#", "+44", "5551000", "+15551000", "\"", "\\", "'", "' OR 1=1 --",
        "%00", "%0d%0a", "{", "}", "[", "]", "<script>", "Content-Length", "Host", "X-Api-Key", "status", "Status",
    ];

    private static readonly Gen<string> Short = Gen.String[0, 24];

    private static readonly Gen<string> Printable = Gen.String[Gen.Char[" !\"#$%&'()*+,-./0123456789:;<=>?@AZaz[\\]^_`{|}~\n\r\t"], 0, 40];

    private static readonly Gen<string> Long = Gen.Select(Gen.Int[100, 2_000], Gen.Char, (length, c) => new string(c, length));

    private static readonly Gen<string> Number = Gen.OneOf(
        Gen.Decimal.Select(d => d.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Any of the above, the classics most often.</summary>
    public static readonly Gen<string> Any = Gen.Frequency(
        (6, Gen.Int[0, Classics.Length - 1].Select(i => Classics[i])),
        (3, Short),
        (3, Printable),
        (2, Number),
        (1, Long));
}
