namespace AriCrmRouter.Cli;

/// <summary>The command line is wrong in a way the parser cannot see (a malformed key=value, an unreadable file).</summary>
internal sealed class UsageException(string message) : Exception(message);
