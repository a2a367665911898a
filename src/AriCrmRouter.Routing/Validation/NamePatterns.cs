using System.Text.RegularExpressions;

namespace AriCrmRouter.Routing.Validation;

/// <summary>The character rules of names that end up in dialplan applications, CRM queries and Redis keys.</summary>
internal static partial class NamePatterns
{
    /// <summary>Rule and connection names: used in Redis keys and CLI arguments.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\z", RegexOptions.CultureInvariant)]
    public static partial Regex RuleName();

    /// <summary>CRM API names (<c>Account_Name</c>, <c>custom.field</c>).</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_.]+\z", RegexOptions.CultureInvariant)]
    public static partial Regex ApiName();

    /// <summary>Asterisk sound names relative to the sounds directory, without extension.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_./-]+\z", RegexOptions.CultureInvariant)]
    public static partial Regex SoundName();

    /// <summary>DIDs as dialed (digits, optional '+', and the characters dialplans use in extensions).</summary>
    [GeneratedRegex(@"^\+?[0-9A-Za-z*#_-]{1,64}\z", RegexOptions.CultureInvariant)]
    public static partial Regex Did();

    /// <summary>An HTTP header name: an RFC 9110 token.</summary>
    [GeneratedRegex(@"^[!#$%&'*+.^_`|~0-9A-Za-z-]+\z", RegexOptions.CultureInvariant)]
    public static partial Regex HttpToken();
}
