namespace AriCrmRouter.Routing.Rules;

/// <summary>How the caller's DTMF is collected after (or during) the greeting of an IVR rule.</summary>
public sealed record DtmfSettings
{
    public static DtmfSettings Defaults { get; } = new();

    /// <summary>Collection stops when this many digits are in.</summary>
    public int MaxDigits { get; init; } = 10;

    /// <summary>Digit that ends the input (not kept); <c>null</c> disables it.</summary>
    public char? Terminator { get; init; } = '#';

    /// <summary>How long to wait for the first digit once the greeting has finished.</summary>
    public TimeSpan FirstDigitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for each following digit.</summary>
    public TimeSpan InterDigitTimeout { get; init; } = TimeSpan.FromSeconds(3);
}
