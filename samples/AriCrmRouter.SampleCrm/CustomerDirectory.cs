using System.Text.Json.Nodes;

namespace AriCrmRouter.SampleCrm;

/// <summary>
/// The sample customers, loaded once from a JSON file: { "customers": [ { "phones": [..],
/// "account_number": "..", any other fields } ] }. Every field of a customer can be asked for.
/// </summary>
internal sealed class CustomerDirectory
{
    // Shorter numbers than this are extensions or garbage, never a suffix match for a phone.
    private const int MinimumSuffixDigits = 7;

    private readonly IReadOnlyList<JsonObject> _customers;

    private CustomerDirectory(IReadOnlyList<JsonObject> customers) => _customers = customers;

    public int Count => _customers.Count;

    public static async Task<CustomerDirectory> LoadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var root = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken) as JsonObject
            ?? throw new InvalidDataException($"{path}: the top level must be an object.");
        var customers = root["customers"] as JsonArray
            ?? throw new InvalidDataException($"{path}: \"customers\" must be an array.");
        return new CustomerDirectory([.. customers.OfType<JsonObject>()]);
    }

    /// <summary>
    /// DTMF typed by the caller is an account number; without DTMF the caller's number is matched
    /// against the stored phones, ignoring formatting, and allowing national vs international form.
    /// </summary>
    public JsonObject? Find(string? dtmf, string? callerId)
    {
        if (!string.IsNullOrEmpty(dtmf))
        {
            return _customers.FirstOrDefault(c => string.Equals(c["account_number"]?.ToString(), dtmf, StringComparison.Ordinal));
        }

        var caller = DigitsOf(callerId);
        if (caller.Length == 0)
        {
            return null;
        }

        return _customers.FirstOrDefault(c => c["phones"] is JsonArray phones
            && phones.Any(p => SameNumber(DigitsOf(p?.ToString()), caller)));
    }

    private static bool SameNumber(string stored, string caller)
    {
        if (stored.Length == 0)
        {
            return false;
        }

        if (stored == caller)
        {
            return true;
        }

        var (shorter, longer) = stored.Length < caller.Length ? (stored, caller) : (caller, stored);
        return shorter.Length >= MinimumSuffixDigits && longer.EndsWith(shorter, StringComparison.Ordinal);
    }

    private static string DigitsOf(string? value) =>
        value is null ? "" : new string([.. value.Where(char.IsAsciiDigit)]);
}
