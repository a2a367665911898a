namespace AriCrmRouter.Cli.Output;

/// <summary>Plain text columns padded to the widest cell, readable in a terminal and easy to grep.</summary>
internal static class TableWriter
{
    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        var widths = headers.Select((_, column) => all.Max(row => row[column].Length)).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, column) => column == row.Count - 1 ? cell : cell.PadRight(widths[column]));
            writer.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }

    /// <summary>The items as a table, or only the line <paramref name="none"/> when there are none.</summary>
    public static void Write<T>(TextWriter writer, IReadOnlyCollection<T> items, string none, IReadOnlyList<string> headers, Func<T, IReadOnlyList<string>> row)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            writer.WriteLine(none);
            return;
        }

        Write(writer, headers, items.Select(row));
    }
}
