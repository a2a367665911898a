using Microsoft.AspNetCore.DataProtection;

namespace AriCrmRouter.Storage.Secrets;

/// <summary>
/// Encrypts secrets before they go into Redis and decrypts them on the way out, with the key ring named by
/// <see cref="SecretsOptions.KeyRingPath"/>. An encrypted value is <c>dp1:</c> followed by the Data Protection
/// payload (which names the key that made it, so rotated keys keep decrypting). A value without the prefix was
/// written by a version before encryption and is read as plain text until its next write. When a value cannot be
/// decrypted, the key ring is read again from its directory (at most every <see cref="ReloadInterval"/>), so a key
/// added by <c>secrets new-key</c> or a key file copied in later is used without a restart.
/// </summary>
public sealed class SecretProtector : IDisposable
{
    public const string EncryptedPrefix = "dp1:";

    public static readonly TimeSpan ReloadInterval = TimeSpan.FromSeconds(10);

    private const string RootPurpose = "AriCrmRouter.SecretsAtRest.v1";

    private readonly string? _path;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private SecretKeyRing? _keyRing;
    private long _openedAt;

    public SecretProtector(IOptions<SecretsOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        var path = options.Value.KeyRingPath;
        if (!string.IsNullOrWhiteSpace(path))
        {
            _path = Path.GetFullPath(path);
        }
    }

    /// <summary>For messages: the key ring's directory, or that none is configured. Never key material.</summary>
    public string KeyRingDescription => _path is null
        ? "no key ring is configured (Secrets:KeyRingPath, or --key-ring / $CRMROUTER_KEY_RING for crmrouter-admin)"
        : $"the key ring at {_path}";

    /// <summary>How many keys the ring holds (0 without a key ring).</summary>
    public int KeyCount() => KeyRing(reload: false)?.Keys().Count ?? 0;

    public static bool IsEncrypted(string stored) =>
        stored is not null && stored.StartsWith(EncryptedPrefix, StringComparison.Ordinal);

    /// <summary>The encrypted form of <paramref name="plainText"/>; throws <see cref="SecretUnreadableException"/> without a usable key.</summary>
    public string Protect(string plainText, SecretPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(plainText);
        if (_path is null)
        {
            throw new SecretUnreadableException($"cannot encrypt secrets: {KeyRingDescription}");
        }

        return TryProtect(plainText, purpose, reload: false) ?? TryProtect(plainText, purpose, reload: true)
            ?? throw new SecretUnreadableException($"cannot encrypt secrets: {KeyRingDescription} holds no usable key; create one with 'crmrouter-admin secrets new-key'");
    }

    /// <summary>Reads a stored value: decrypted, plain text from an older version, or unreadable (with the reason).</summary>
    public SecretReading Unprotect(string stored, SecretPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!IsEncrypted(stored))
        {
            return new SecretReading(stored, SecretState.PlainText, null);
        }

        if (_path is null)
        {
            return new SecretReading(null, SecretState.Unreadable, KeyRingDescription);
        }

        var payload = stored[EncryptedPrefix.Length..];
        if ((TryUnprotect(payload, purpose, reload: false) ?? TryUnprotect(payload, purpose, reload: true)) is { } value)
        {
            return new SecretReading(value, SecretState.Encrypted, null);
        }

        return new SecretReading(null, SecretState.Unreadable, $"it was encrypted with a key that is not in {KeyRingDescription}");
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _keyRing?.Dispose();
            _keyRing = null;
        }
    }

    private string? TryProtect(string plainText, SecretPurpose purpose, bool reload)
    {
        try
        {
            return ProtectorFor(purpose, reload) is { } protector ? EncryptedPrefix + protector.Protect(plainText) : null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            // No usable key. The exception carries no secret, but nothing of it is passed on either.
            return null;
        }
    }

    private string? TryUnprotect(string payload, SecretPurpose purpose, bool reload)
    {
        try
        {
            return ProtectorFor(purpose, reload)?.Unprotect(payload);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private IDataProtector? ProtectorFor(SecretPurpose purpose, bool reload) =>
        KeyRing(reload)?.CreateProtector(RootPurpose).CreateProtector(purpose.ToString());

    /// <summary>The key ring, opened on first use; with <paramref name="reload"/>, read again if the last read is old enough.</summary>
    private SecretKeyRing? KeyRing(bool reload)
    {
        if (_path is null)
        {
            return null;
        }

        lock (_lock)
        {
            if (_keyRing is null || (reload && _timeProvider.GetElapsedTime(_openedAt) >= ReloadInterval))
            {
                // The ring it replaces is left to the collector: another thread may still be decrypting with it.
                _keyRing = SecretKeyRing.Open(_path);
                _openedAt = _timeProvider.GetTimestamp();
            }

            return _keyRing;
        }
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
