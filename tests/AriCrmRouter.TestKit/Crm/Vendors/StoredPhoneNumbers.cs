namespace AriCrmRouter.TestKit.Crm.Vendors;

/// <summary>
/// One caller's number as people store it in a CRM, per country: the spellings the fakes must find
/// (<see cref="Required"/>, at least eight per country) and rarer spellings that only a CRM comparing
/// normalised numbers can find (<see cref="Unusual"/>, reported, not required).
/// </summary>
public static class StoredPhoneNumbers
{
    public sealed record Entry(string Country, string CallerId, string Stored);

    public static IReadOnlyList<Entry> Required { get; } =
    [
        .. Country("US", "+14155550100",
            "+14155550100", "+1 415-555-0100", "(415) 555-0100", "415-555-0100", "415.555.0100", "+1 (415) 555-0100",
            "1-415-555-0100", "4155550100", "14155550100", "415 555 0100", "+1 415 555 0100"),
        .. Country("GB", "+442079460018",
            "+442079460018", "+44 20 7946 0018", "020 7946 0018", "02079460018", "+44 (0)20 7946 0018",
            "0044 20 7946 0018", "(020) 7946 0018", "020-7946-0018", "00442079460018"),
        .. Country("DE", "+493012345678",
            "+493012345678", "+49 30 12345678", "030 12345678", "03012345678", "030/12345678", "+49 (0)30 12345678",
            "0049 30 12345678", "030-12345678", "+49-30-12345678"),
    ];

    public static IReadOnlyList<Entry> Unusual { get; } =
    [
        new("US", "+14155550100", "415/555-0100"),
        new("US", "+14155550100", "+1 415 5550100"),
        new("GB", "+442079460018", "+44 207 946 0018"),
        new("GB", "+442079460018", "020 79460018"),
        new("DE", "+493012345678", "030 1234 5678"),
        new("DE", "+493012345678", "+49 (30) 123 456 78"),
    ];

    public static IEnumerable<Entry> All => Required.Concat(Unusual);

    private static IEnumerable<Entry> Country(string country, string callerId, params string[] stored) =>
        stored.Select(s => new Entry(country, callerId, s));
}
