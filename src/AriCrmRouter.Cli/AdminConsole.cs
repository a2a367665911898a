namespace AriCrmRouter.Cli;

/// <summary>Where the CLI reads answers and writes output; tests pass in-memory readers and writers.</summary>
internal sealed record AdminConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    public static AdminConsole System { get; } = new(Console.In, Console.Out, Console.Error);
}
