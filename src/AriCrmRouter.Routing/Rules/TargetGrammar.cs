using System.Text.RegularExpressions;

namespace AriCrmRouter.Routing.Rules;

/// <summary>
/// The one grammar of destination targets, per destination type. The rule validator checks it, and every
/// <c>crmrouter-*</c> dialplan context (dialplan-examples/extensions.conf) matches exactly what it accepts, so a
/// target that passes validation can never be one the dialplan cannot match.
/// <list type="bullet">
/// <item>queue, ivr, extension, voicemail: the dialplan extension the router continues to. 1 to 64 letters, digits,
/// '_' or '-', starting with a letter or digit (the contexts' pattern <c>_[0-9a-zA-Z]!</c>), and not one of
/// Asterisk's special extension names (a, e, h, i, o, s, t, T), which would run a handler instead. Outside numbers
/// (<c>+44…</c>) and feature codes (<c>*97</c>) are not destinations. The four types share the grammar, so a default
/// destination can always become a voicemail box of the same name (<c>defaultVoicemail</c>).</item>
/// <item>recording: a sound name relative to the sounds directory (letters, digits, '_', '-', '.', '/'), up to 128
/// characters, no leading '/', no '..'; it travels in CRMROUTER_TARGET, the router continues to extension <c>s</c>.</item>
/// </list>
/// </summary>
public static partial class TargetGrammar
{
    public const int MaxExtensionTargetLength = 64;
    public const int MaxSoundNameLength = 128;

    /// <summary>Extension names with a meaning of their own in every Asterisk context.</summary>
    public static IReadOnlyList<string> ReservedExtensions { get; } = ["a", "e", "h", "i", "o", "s", "t", "T"];

    public static bool IsValid(DestinationType type, string? target) => Problem(type, target) is null;

    /// <summary>Why <paramref name="target"/> is not a valid target of <paramref name="type"/>; null when it is.</summary>
    public static string? Problem(DestinationType type, string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return "target is required";
        }

        if (type == DestinationType.Recording)
        {
            if (target.Length > MaxSoundNameLength || !SoundName().IsMatch(target))
            {
                return $"'{Validation.ProblemText.Shown(target)}' is not a valid sound name: up to {MaxSoundNameLength} of letters, digits, '_', '-', '/', '.'";
            }

            return target.StartsWith('/') || target.Contains("..", StringComparison.Ordinal)
                ? $"'{Validation.ProblemText.Shown(target)}' must be relative to the sounds directory (no leading '/', no '..')"
                : null;
        }

        var kind = Enum.IsDefined(type) ? type.ToWireName() : "destination";
        if (!ExtensionTarget().IsMatch(target))
        {
            var hint = target[0] is '+' or '*' or '#'
                ? " (outside numbers and feature codes are not destinations: route to an extension, queue or IVR that handles them)"
                : "";
            return $"'{Validation.ProblemText.Shown(target)}' is not a valid {kind} target: 1 to {MaxExtensionTargetLength} letters, digits, '_' or '-', starting with a letter or digit{hint}";
        }

        return ReservedExtensions.Contains(target, StringComparer.Ordinal)
            ? $"'{Validation.ProblemText.Shown(target)}' is not a valid {kind} target: it is an Asterisk special extension name ({string.Join(' ', ReservedExtensions)})"
            : null;
    }

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ExtensionTarget();

    [GeneratedRegex(@"\A[A-Za-z0-9_./-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex SoundName();
}
