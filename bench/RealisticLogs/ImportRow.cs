using System.Globalization;

namespace ColdStart.Bench.Logs;

/// <summary>One <c>-X importtime</c> row: self and cumulative µs, nesting depth, dotted name.</summary>
public readonly record struct ImportRow(long Self, long Cumulative, int Depth, string Name)
{
    /// <summary>The line CPython prints once before the rows.</summary>
    public const string Header = "import time: self [us] | cumulative | imported package";

    private const string Prefix = "import time:";

    /// <summary>Parses a row CPython printed; false for the header and anything else.</summary>
    public static bool TryParse(string line, out ImportRow row)
    {
        row = default;
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var fields = line[Prefix.Length..].Split('|', 3);
        if (fields.Length != 3
            || !long.TryParse(fields[0], NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var self)
            || !long.TryParse(fields[1], NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var cumulative))
        {
            return false;
        }

        // "| " then two spaces per level
        var nameField = fields[2];
        var indent = nameField.Length - nameField.TrimStart(' ').Length - 1;
        row = new ImportRow(self, cumulative, indent / 2, nameField.Trim());
        return true;
    }

    /// <summary>The row as CPython prints it: <c>"import time: %9ld | %10ld | %*s%s"</c>.</summary>
    public string Format() =>
        string.Create(CultureInfo.InvariantCulture, $"import time: {Self,9} | {Cumulative,10} | {new string(' ', 2 * Depth)}{Name}");

    /// <summary>The same row <paramref name="levels"/> deeper.</summary>
    public ImportRow Deeper(int levels) => this with { Depth = Depth + levels };
}
