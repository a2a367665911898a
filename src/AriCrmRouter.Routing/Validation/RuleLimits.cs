namespace AriCrmRouter.Routing.Validation;

/// <summary>
/// The limits <see cref="RuleValidator"/> enforces, public so that tools and documentation quote the same numbers.
/// </summary>
public static class RuleLimits
{
    public const int MaxNameLength = 64;
    public const int MaxCrmFieldLength = 100;
    public const int MaxSoundNameLength = 128;
    public const int MaxTargetLength = Rules.TargetGrammar.MaxExtensionTargetLength;
    public const int MaxRowValueLength = 256;
    public const int MaxRowsPerRule = 100;
    public const int MaxUrlLength = 2048;
    public const int MaxHeaders = 32;
    public const int MaxHeaderValueLength = 4096;
    public const int MaxDidLength = 64;

    public const int MinDtmfDigits = 1;
    public const int MaxDtmfDigits = 32;
    public const string DtmfTerminators = "0123456789*#ABCD";
    public static readonly TimeSpan MinDigitTimeout = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaxDigitTimeout = TimeSpan.FromMilliseconds(60_000);

    public static readonly TimeSpan MinLookupTimeout = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxLookupTimeout = TimeSpan.FromMilliseconds(30_000);
    public static readonly TimeSpan MaxCacheTtl = TimeSpan.FromSeconds(86_400);

    /// <summary>Headers the router sets itself; a rule may not replace them.</summary>
    public static IReadOnlyList<string> ReservedHeaders { get; } = ["Content-Type", "Content-Length", "Host", "Transfer-Encoding"];
}
