using PhoneNumbers;

namespace AriCrmRouter.Crm.Phone;

/// <summary>
/// The forms a caller's number may be stored in, derived with libphonenumber from the caller ID and a
/// default region. CRMs store numbers as typed by people, so connectors search the forms their API matches on.
/// </summary>
public sealed record PhoneNumberForms
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The caller ID as received.</summary>
    public required string Raw { get; init; }

    /// <summary>Only the digits of <see cref="Raw"/>.</summary>
    public required string Digits { get; init; }

    /// <summary>E.164, e.g. <c>+14155551212</c>; <c>null</c> when the number could not be parsed.</summary>
    public string? E164 { get; init; }

    /// <summary>National significant number, e.g. <c>4155551212</c>.</summary>
    public string? NationalDigits { get; init; }

    /// <summary>National format, e.g. <c>(415) 555-1212</c>.</summary>
    public string? National { get; init; }

    /// <summary>International format, e.g. <c>+1 415-555-1212</c>.</summary>
    public string? International { get; init; }

    /// <summary>Distinct non-empty forms, most specific first.</summary>
    public IReadOnlyList<string> All =>
        new[] { E164, International, National, NationalDigits, Digits, Raw }
            .Where(f => !string.IsNullOrWhiteSpace(f))
            .Select(f => f!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Distinct digit-only forms (E.164 without '+', national digits, the raw digits).</summary>
    public IReadOnlyList<string> DigitForms =>
        new[] { E164?.TrimStart('+'), NationalDigits, Digits }
            .Where(f => !string.IsNullOrEmpty(f))
            .Select(f => f!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    public static PhoneNumberForms Parse(string callerNumber, string defaultRegion)
    {
        ArgumentNullException.ThrowIfNull(callerNumber);
        var raw = callerNumber.Trim();
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        try
        {
            var number = Util.Parse(raw, string.IsNullOrWhiteSpace(defaultRegion) ? "ZZ" : defaultRegion.ToUpperInvariant());
            return new PhoneNumberForms
            {
                Raw = raw,
                Digits = digits,
                E164 = Util.Format(number, PhoneNumberFormat.E164),
                NationalDigits = Util.GetNationalSignificantNumber(number),
                National = Util.Format(number, PhoneNumberFormat.NATIONAL),
                International = Util.Format(number, PhoneNumberFormat.INTERNATIONAL),
            };
        }
        catch (NumberParseException)
        {
            return new PhoneNumberForms { Raw = raw, Digits = digits };
        }
    }
}
