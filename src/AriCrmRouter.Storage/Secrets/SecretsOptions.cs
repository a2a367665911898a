namespace AriCrmRouter.Storage.Secrets;

/// <summary>
/// Where the key ring that encrypts secrets at rest lives (section <c>Secrets</c>). The router and
/// <c>crmrouter-admin</c> must point at the same directory (or a copy of it).
/// </summary>
public sealed class SecretsOptions
{
    public const string SectionName = "Secrets";

    /// <summary>
    /// A directory of ASP.NET Core Data Protection key files (created by <c>crmrouter-admin secrets new-key</c>).
    /// Unset: no secret can be encrypted or decrypted; rules and connections that need one route to their defaults.
    /// </summary>
    public string? KeyRingPath { get; set; }
}
