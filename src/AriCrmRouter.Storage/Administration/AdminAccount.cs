namespace AriCrmRouter.Storage.Administration;

/// <summary>The two roles of the web admin: admins may change things, viewers may only look.</summary>
public static class AdminRoles
{
    public const string Admin = "admin";
    public const string Viewer = "viewer";

    public static bool IsKnown(string? role) => role is Admin or Viewer;
}

/// <summary>
/// A local account of the web admin. <see cref="PasswordHash"/> is the output of ASP.NET Core's
/// <c>PasswordHasher</c> (salted PBKDF2); the password itself is never stored.
/// </summary>
public sealed record AdminAccount(string Name, string Role, string PasswordHash)
{
    // The hash stays out of anything that might be printed.
    public override string ToString() => $"{Name} ({Role})";
}

/// <summary>An API token's owner; the token itself is kept only as its SHA-256 digest.</summary>
public sealed record ApiTokenOwner(string User, string Role, string Label);
