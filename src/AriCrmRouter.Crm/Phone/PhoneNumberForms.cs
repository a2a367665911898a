using PhoneNumbers;

namespace AriCrmRouter.Crm.Phone;

/// <summary>
/// The forms a caller's number may be stored in, derived with libphonenumber from the caller ID and a
/// default region. CRMs store numbers as typed by people, so connectors search the forms their API matches on,
/// and connectors that search loosely (by the last digits) check each returned number with <see cref="IsSameNumber"/>.
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

    /// <summary>National significant number, e.g. <c>4155551212</c>, <c>2079460018</c>.</summary>
    public string? NationalDigits { get; init; }

    /// <summary>National format, e.g. <c>(415) 555-1212</c>, <c>020 7946 0018</c>.</summary>
    public string? National { get; init; }

    /// <summary>International format, e.g. <c>+1 415-555-1212</c>.</summary>
    public string? International { get; init; }

    /// <summary>The digits dialled inside the country, trunk prefix included, e.g. <c>02079460018</c>.</summary>
    public string? NationalDialDigits { get; init; }

    /// <summary>The region the number belongs to (<c>GB</c> for <c>+44...</c>), used to read stored national spellings.</summary>
    public string? NumberRegion { get; init; }

    /// <summary>Other spellings people type (<c>415-555-1212</c>, <c>+44 (0)20 7946 0018</c>, <c>0044 20 7946 0018</c>...).</summary>
    public IReadOnlyList<string> Spellings { get; init; } = [];

    /// <summary>
    /// Distinct non-empty forms, most common first: E.164, the libphonenumber formats, the digit-only forms,
    /// the other <see cref="Spellings"/>, then the raw caller ID.
    /// </summary>
    public IReadOnlyList<string> All =>
        new[] { E164, International, National, NationalDialDigits, NationalDigits, E164?.TrimStart('+') }
            .Concat(Spellings)
            .Append(Digits)
            .Append(Raw)
            .Where(f => !string.IsNullOrWhiteSpace(f))
            .Select(f => f!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Distinct digit-only forms: E.164 without '+', the national dialled digits (trunk prefix included), the
    /// national significant number, <c>00</c> + country code + number, the digits of <c>+44 (0)20 ...</c>, the raw digits.
    /// </summary>
    public IReadOnlyList<string> DigitForms =>
        new[] { E164?.TrimStart('+'), NationalDialDigits, NationalDigits, E164 is null ? null : "00" + E164[1..], TrunkInInternationalDigits, Digits }
            .Where(f => !string.IsNullOrEmpty(f))
            .Select(f => f!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The digits of the <c>+44 (0)20 7946 0018</c> habit: country code, trunk prefix, number.</summary>
    private string? TrunkInInternationalDigits =>
        E164 is null || NationalDialDigits is null || NationalDigits is null || NationalDialDigits.Length == NationalDigits.Length
            ? null
            : E164[1..^NationalDigits.Length] + NationalDialDigits;

    /// <summary>
    /// Whether a number stored in the CRM (in any spelling, an extension or text around it allowed) is the
    /// caller's: read with the caller's own region, so a stored <c>020 7946 0018</c> is a London number for a
    /// <c>+44</c> caller. Unparseable text matches only when its digits equal the caller's digits.
    /// </summary>
    public bool IsSameNumber(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return false;
        }

        if (E164 is not null)
        {
            try
            {
                var number = Util.Parse(stored, NumberRegion ?? "ZZ");
                return string.Equals(Util.Format(number, PhoneNumberFormat.E164), E164, StringComparison.Ordinal);
            }
            catch (NumberParseException)
            {
                return false;
            }
        }

        var digits = new string(stored.Where(char.IsAsciiDigit).ToArray());
        return digits.Length > 0 && string.Equals(digits, Digits, StringComparison.Ordinal);
    }

    public static PhoneNumberForms Parse(string callerNumber, string defaultRegion)
    {
        ArgumentNullException.ThrowIfNull(callerNumber);
        var raw = callerNumber.Trim();
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        try
        {
            var number = Util.Parse(raw, string.IsNullOrWhiteSpace(defaultRegion) ? "ZZ" : defaultRegion.ToUpperInvariant());
            var national = Util.Format(number, PhoneNumberFormat.NATIONAL);
            var international = Util.Format(number, PhoneNumberFormat.INTERNATIONAL);
            var nationalDigits = Util.GetNationalSignificantNumber(number);
            var nationalDial = new string(national.Where(char.IsAsciiDigit).ToArray());
            var trunkPrefix = nationalDial.EndsWith(nationalDigits, StringComparison.Ordinal) ? nationalDial[..^nationalDigits.Length] : "";
            var countryCode = number.CountryCode.ToString(CultureInfo.InvariantCulture);
            var internationalGroups = StoredPhoneForms.DigitGroups(international).Skip(1).ToList();
            var nationalGroups = StoredPhoneForms.DigitGroups(national);
            return new PhoneNumberForms
            {
                Raw = raw,
                Digits = digits,
                E164 = Util.Format(number, PhoneNumberFormat.E164),
                NationalDigits = nationalDigits,
                National = national,
                International = international,
                NationalDialDigits = nationalDial,
                NumberRegion = Util.GetRegionCodeForNumber(number),
                Spellings = internationalGroups.Count == 0 || nationalGroups.Count == 0
                    ? []
                    : [.. StoredPhoneForms.Spellings(countryCode, internationalGroups, nationalGroups, trunkPrefix)],
            };
        }
        catch (NumberParseException)
        {
            return new PhoneNumberForms { Raw = raw, Digits = digits };
        }
    }
}
