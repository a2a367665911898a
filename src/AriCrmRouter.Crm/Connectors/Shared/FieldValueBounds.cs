namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// The bounds a CRM field value must keep before it reaches logs, the answer cache and <c>simulate</c>: the same
/// as the custom CRM's plain-text answer (at most 256 characters, no control characters). A value outside them
/// is not a routing value (a notes or description field, or a hostile answer) and fails as malformed.
/// </summary>
internal static class FieldValueBounds
{
    public const int MaxLength = 256;

    public static bool IsAcceptable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= MaxLength && !text.Any(char.IsControl);
    }

    /// <summary><paramref name="text"/> when acceptable; otherwise a <see cref="CrmFailureKind.MalformedResponse"/> failure.</summary>
    public static string Require(string text) =>
        IsAcceptable(text)
            ? text
            : throw new CrmLookupException(
                CrmFailureKind.MalformedResponse,
                $"the CRM answered a field value that is not a single routing value (over {MaxLength} characters or control characters)");

    /// <summary>The outcome unchanged when it carries no value or an acceptable one.</summary>
    public static LookupOutcome Require(LookupOutcome outcome) =>
        outcome is LookupOutcome.FoundValue found ? LookupOutcome.Found(Require(found.Value)) : outcome;
}
