namespace ColdStart.Cli.Internal;

/// <summary>Column-aligned plain-text tables: text columns left-aligned, number columns right-aligned.</summary>
internal static class TextTable
{
    /// <param name="headerless">Key/value lists: no header row, and the last column left-aligned.</param>
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, bool headerless = false, int leftAligned = 1, string indent = "  ")
    {
        var all = rows.ToList();
        var widths = headers.Select((h, i) => Math.Max(headerless ? 0 : h.Length, all.Count == 0 ? 0 : all.Max(r => i < r.Count ? r[i].Length : 0))).ToArray();
        if (headerless)
        {
            foreach (var row in all)
            {
                output.WriteLine((indent + string.Join("  ", row.Select((c, i) => c.PadRight(i < widths.Length - 1 ? widths[i] : 0)))).TrimEnd());
            }

            return;
        }

        WriteRow(output, headers, widths, leftAligned, indent);
        output.WriteLine(indent + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in all)
        {
            WriteRow(output, row, widths, leftAligned, indent);
        }
    }

    private static void WriteRow(TextWriter output, IReadOnlyList<string> cells, int[] widths, int leftAligned, string indent)
    {
        var padded = widths.Select((w, i) =>
        {
            var cell = i < cells.Count ? cells[i] : "";
            return i < leftAligned ? cell.PadRight(w) : cell.PadLeft(w);
        });
        output.WriteLine((indent + string.Join("  ", padded)).TrimEnd());
    }
}
