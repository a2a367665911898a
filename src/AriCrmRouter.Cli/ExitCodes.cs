namespace AriCrmRouter.Cli;

/// <summary>What <c>crmrouter-admin</c> returns; scripts rely on these numbers (docs/admin-cli.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Validation problems, an unknown rule/DID/connection, or a declined confirmation.</summary>
    public const int Problem = 1;

    /// <summary>The command line itself is wrong (unknown command, missing argument, unreadable file).</summary>
    public const int Usage = 2;

    /// <summary>Redis cannot be reached.</summary>
    public const int StorageUnavailable = 3;
}
