using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Storage.Secrets;

/// <summary>
/// Encrypts secrets before they go into Redis and decrypts them on the way out, with the key ring named by
/// <see cref="SecretsOptions.KeyRingPath"/>. An encrypted value is <c>dp1:</c> followed by the Data Protection
/// payload (which names the key that made it, so rotated keys keep decrypting). A value without the prefix was
/// written by a version before encryption and is read as plain text until its next write.
/// </summary>
public sealed class SecretProtector : IDisposable
{
    public const string EncryptedPrefix = "dp1:";

    private const string RootPurpose = "AriCrmRouter.SecretsAtRest.v1";

    private readonly string? _path;
    private readonly Lazy<SecretKeyRing>? _keyRing;

    public SecretProtector(IOptions<SecretsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Value.KeyRingPath;
        if (!string.IsNullOrWhiteSpace(path))
        {
            _path = Path.GetFullPath(path);
            _keyRing = new Lazy<SecretKeyRing>(() => SecretKeyRing.Open(_path));
        }
    }

    /// <summary>For messages: the key ring's directory, or that none is configured. Never key material.</summary>
    public string KeyRingDescription => _path is null
        ? "no key ring is configured (Secrets:KeyRingPath, or --key-ring / $CRMROUTER_KEY_RING for crmrouter-admin)"
        : $"the key ring at {_path}";

    /// <summary>How many keys the ring holds (0 without a key ring).</summary>
    public int KeyCount() => _keyRing?.Value.Keys().Count ?? 0;

    public static bool IsEncrypted(string stored) =>
        stored is not null && stored.StartsWith(EncryptedPrefix, StringComparison.Ordinal);

    /// <summary>The encrypted form of <paramref name="plainText"/>; throws <see cref="SecretUnreadableException"/> without a usable key.</summary>
    public string Protect(string plainText, SecretPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(plainText);
        if (!TryGetProtector(purpose, out var protector))
        {
            throw new SecretUnreadableException($"cannot encrypt secrets: {KeyRingDescription}");
        }

        try
        {
            return EncryptedPrefix + protector.Protect(plainText);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            // Only the reason is passed on: the exception carries no secret, but its type is all an operator needs.
            throw new SecretUnreadableException($"cannot encrypt secrets: {KeyRingDescription} holds no usable key; create one with 'crmrouter-admin secrets new-key'");
        }
    }

    /// <summary>Reads a stored value: decrypted, plain text from an older version, or unreadable (with the reason).</summary>
    public SecretReading Unprotect(string stored, SecretPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!IsEncrypted(stored))
        {
            return new SecretReading(stored, SecretState.PlainText, null);
        }

        if (!TryGetProtector(purpose, out var protector))
        {
            return new SecretReading(null, SecretState.Unreadable, KeyRingDescription);
        }

        try
        {
            return new SecretReading(protector.Unprotect(stored[EncryptedPrefix.Length..]), SecretState.Encrypted, null);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or InvalidOperationException or FormatException)
        {
            return new SecretReading(null, SecretState.Unreadable, $"it was encrypted with a key that is not in {KeyRingDescription}");
        }
    }

    public void Dispose()
    {
        if (_keyRing is { IsValueCreated: true })
        {
            _keyRing.Value.Dispose();
        }
    }

    private bool TryGetProtector(SecretPurpose purpose, [NotNullWhen(true)] out IDataProtector? protector)
    {
        protector = _keyRing?.Value.CreateProtector(RootPurpose).CreateProtector(purpose.ToString());
        return protector is not null;
    }
}

/// <summary>What a secret is for; a value encrypted for one purpose cannot be decrypted as another.</summary>
public enum SecretPurpose
{
    CrmConnectionSecret,
    RuleHeaderValue,
}

public enum SecretState
{
    /// <summary>Stored encrypted and decrypted with the key ring.</summary>
    Encrypted,

    /// <summary>Stored in plain text by a version before encryption at rest; encrypted at its next write.</summary>
    PlainText,

    /// <summary>Stored encrypted, but the key ring cannot decrypt it (no key ring, or not the key that encrypted it).</summary>
    Unreadable,
}

/// <summary>The result of reading one stored secret. <see cref="Value"/> is null when unreadable.</summary>
public readonly record struct SecretReading(string? Value, SecretState State, string? Problem)
{
    // The value is a secret: never part of a printed reading.
    public override string ToString() => Problem is null ? State.ToString() : $"{State}: {Problem}";
}
