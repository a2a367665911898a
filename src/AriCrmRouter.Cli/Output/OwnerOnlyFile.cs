namespace AriCrmRouter.Cli.Output;

/// <summary>Writes files that hold secrets (rule exports with header values): mode 0600, also when the file already existed.</summary>
internal static class OwnerOnlyFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Created 0600 from the first byte: no moment in which others could open it.
            options.UnixCreateMode = OwnerReadWrite;
        }

        await using var stream = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
        {
            // An existing file keeps its mode on open; narrow it before anything is written.
            File.SetUnixFileMode(stream.SafeFileHandle, OwnerReadWrite);
        }

        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(text.AsMemory(), cancellationToken);
    }
}
