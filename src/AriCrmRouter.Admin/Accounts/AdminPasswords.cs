using System.Diagnostics.CodeAnalysis;
using AriCrmRouter.Storage.Administration;
using Microsoft.AspNetCore.Identity;

namespace AriCrmRouter.Admin.Accounts;

/// <summary>
/// Account names and passwords of the web admin: <c>crmrouter-admin users add</c> hashes with this, crmrouter-web
/// verifies with it (ASP.NET Core's <see cref="PasswordHasher{TUser}"/>, salted PBKDF2; the account name is not part of the hash).
/// </summary>
public static class AdminPasswords
{
    public const int MinLength = 10;

    private static readonly PasswordHasher<string> Hasher = new();

    // Verifying against this when the account does not exist takes as long as a real check: no timing hint.
    private static readonly string UnknownAccountHash = Hasher.HashPassword("", Guid.NewGuid().ToString());

    public static string Hash(string password) => Hasher.HashPassword("", password);

    /// <summary>True when <paramref name="account"/> exists, has a known role and <paramref name="password"/> is its password.</summary>
    public static bool Verify([NotNullWhen(true)] AdminAccount? account, string? password)
    {
        var verdict = Hasher.VerifyHashedPassword("", account?.PasswordHash ?? UnknownAccountHash, password ?? "");
        return account is not null && verdict != PasswordVerificationResult.Failed && AdminRoles.IsKnown(account.Role);
    }

    /// <summary>Why <paramref name="name"/> cannot name an account, or null: 1 to 64 letters, digits, '.', '_', '-'.</summary>
    public static string? NameProblem(string name) =>
        name is { Length: > 0 and <= 64 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            ? null
            : $"'{name}' is not a valid account name: 1 to 64 letters, digits, '.', '_', '-'";

    /// <summary>Why <paramref name="password"/> cannot be a password, or null.</summary>
    public static string? PasswordProblem(string? password) =>
        password is { Length: >= MinLength } ? null : $"the password must have at least {MinLength} characters";
}
