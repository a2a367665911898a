namespace AriCrmRouter.Crm.Lookup;

/// <summary>What the router knows about a caller when it asks the CRM.</summary>
public sealed record CallerInput(string CallerNumber, string? Dtmf, string Did)
{
    /// <summary>The lookup key for logs: all but the last digits hidden.</summary>
    public string MaskedKey => string.IsNullOrEmpty(Dtmf) ? Mask(CallerNumber, 4) : $"dtmf:{Mask(Dtmf, 2)}";

    public static string Mask(string value, int visible)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= visible ? new string('*', value.Length) : new string('*', value.Length - visible) + value[^visible..];
    }
}
