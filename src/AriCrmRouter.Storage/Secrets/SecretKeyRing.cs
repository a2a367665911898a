using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Logging.Abstractions;

namespace AriCrmRouter.Storage.Secrets;

/// <summary>
/// One Data Protection key ring in a directory, set up identically for the router and the admin tool: the same
/// application name (so either can read what the other wrote) and no automatic key generation (a process that
/// finds no key must say so, not invent a key the others do not have). Keys are made only by <see cref="CreateKey"/>.
/// </summary>
public sealed class SecretKeyRing : IDisposable
{
    /// <summary>Shared by every process that reads or writes the secrets; changing it makes all stored secrets unreadable.</summary>
    public const string ApplicationName = "AriCrmRouter";

    // Keys are rotated by the operator, not by the calendar: a key that expired could no longer encrypt, and with
    // automatic generation off the ring would then have no default key at all.
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(365 * 100);

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly ServiceProvider _services;

    private SecretKeyRing(string path, ServiceProvider services)
    {
        Path = path;
        _services = services;
    }

    public string Path { get; }

    /// <summary>Opens the key ring in <paramref name="path"/> (which need not exist yet; it is then empty).</summary>
    public static SecretKeyRing Open(string path, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory ?? NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(full))
            .DisableAutomaticKeyGeneration();
        return new SecretKeyRing(full, services.BuildServiceProvider());
    }

    public IDataProtector CreateProtector(string purpose) =>
        _services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose);

    /// <summary>The keys in the ring, newest activation first.</summary>
    public IReadOnlyList<SecretKeyInfo> Keys() =>
        [.. _services.GetRequiredService<IKeyManager>().GetAllKeys()
            .OrderByDescending(key => key.ActivationDate)
            .Select(key => new SecretKeyInfo(key.KeyId, key.CreationDate, key.ActivationDate, key.IsRevoked))];

    /// <summary>
    /// Adds a key that is active at once and becomes the one new secrets are encrypted with; older keys stay in the
    /// ring and keep decrypting what they encrypted. The directory and the key file are readable by their owner only.
    /// </summary>
    public SecretKeyInfo CreateKey(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Path, OwnerOnlyDirectory);
        }

        var now = timeProvider.GetUtcNow();
        var key = _services.GetRequiredService<IKeyManager>().CreateNewKey(now, now + KeyLifetime);
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in Directory.EnumerateFiles(Path, "key-*.xml"))
            {
                File.SetUnixFileMode(file, OwnerOnlyFile);
            }
        }

        return new SecretKeyInfo(key.KeyId, key.CreationDate, key.ActivationDate, key.IsRevoked);
    }

    public void Dispose() => _services.Dispose();
}

/// <summary>What may be shown about a key: its id and dates, never its material.</summary>
public sealed record SecretKeyInfo(Guid Id, DateTimeOffset Created, DateTimeOffset Activated, bool Revoked);
