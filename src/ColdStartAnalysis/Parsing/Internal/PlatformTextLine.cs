using System.Buffers.Text;
using System.Text;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>Parses Lambda's text-format platform lines (START, END, REPORT, INIT_START, INIT_REPORT).</summary>
internal static class PlatformTextLine
{
    private static ReadOnlySpan<byte> Start => "START RequestId: "u8;
    private static ReadOnlySpan<byte> End => "END RequestId: "u8;
    private static ReadOnlySpan<byte> Report => "REPORT RequestId: "u8;
    private static ReadOnlySpan<byte> InitStart => "INIT_START "u8;
    private static ReadOnlySpan<byte> InitReport => "INIT_REPORT "u8;

    /// <summary>True when the line starts like a platform line (then <paramref name="parsed"/> is null if its fields are broken).</summary>
    /// <param name="line">The line.</param>
    /// <param name="openRequestId">The request id of the stream's open request, reused instead of allocating an equal string.</param>
    /// <param name="parsed">The event.</param>
    public static bool TryParse(ReadOnlySpan<byte> line, string? openRequestId, out PlatformEvent? parsed)
    {
        parsed = null;
        if (line.StartsWith(Start))
        {
            parsed = RequestIdOf(line[Start.Length..], null) is { } id ? new PlatformEvent(PlatformKind.Start, id) : null;
            return true;
        }

        if (line.StartsWith(End))
        {
            parsed = RequestIdOf(line[End.Length..], openRequestId) is { } id ? new PlatformEvent(PlatformKind.End, id) : null;
            return true;
        }

        if (line.StartsWith(Report))
        {
            parsed = ParseReport(line, openRequestId);
            return true;
        }

        if (line.StartsWith(InitStart))
        {
            var version = Field(line, "Runtime Version: "u8);
            parsed = new PlatformEvent(PlatformKind.InitStart, RuntimeVersion: version.IsEmpty ? null : Encoding.UTF8.GetString(Token(version)));
            return true;
        }

        if (line.StartsWith(InitReport))
        {
            var init = Number(line, "Init Duration: "u8);
            var status = Token(Field(line, "Status: "u8));
            parsed = init is null ? null : new PlatformEvent(PlatformKind.InitReport, InitDurationMs: init,
                InitFailed: status.SequenceEqual("error"u8) || status.SequenceEqual("timeout"u8));
            return true;
        }

        return false;
    }

    private static PlatformEvent? ParseReport(ReadOnlySpan<byte> line, string? openRequestId)
    {
        var id = RequestIdOf(line[Report.Length..], openRequestId);
        var duration = Number(line, "Duration: "u8);
        var billed = Number(line, "Billed Duration: "u8);
        var memory = Number(line, "Memory Size: "u8);
        var maxMemory = Number(line, "Max Memory Used: "u8);
        if (id is null || duration is null || billed is null || memory is null || maxMemory is null)
        {
            return null;
        }

        var metrics = new ReportMetrics(id, duration.Value, billed.Value, (int)memory.Value, (int)maxMemory.Value,
            Number(line, "Init Duration: "u8), Number(line, "Restore Duration: "u8), Number(line, "Billed Restore Duration: "u8));
        return new PlatformEvent(PlatformKind.Report, id, Report: metrics);
    }

    private static string? RequestIdOf(ReadOnlySpan<byte> rest, string? known)
    {
        var token = Token(rest);
        if (token.IsEmpty)
        {
            return null;
        }

        return known is not null && known.Length == token.Length && Ascii.Equals(token, known) ? known : Encoding.UTF8.GetString(token);
    }

    /// <summary>The text up to the next space or TAB.</summary>
    private static ReadOnlySpan<byte> Token(ReadOnlySpan<byte> span)
    {
        var end = span.IndexOfAny((byte)' ', (byte)'\t');
        return end < 0 ? span.TrimEnd((byte)'\r') : span[..end];
    }

    private static double? Number(ReadOnlySpan<byte> line, ReadOnlySpan<byte> key)
    {
        var value = Field(line, key);
        return !value.IsEmpty && Utf8Parser.TryParse(value, out double number, out _) ? number : null;
    }

    /// <summary>
    /// The text after <paramref name="key"/> where the key starts a field: fields are TAB-separated, but console
    /// copies sometimes turn TABs into spaces, so a space is accepted too when the key is not the tail of a longer key
    /// ("Duration: " inside "Billed Duration: ").
    /// </summary>
    private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> line, ReadOnlySpan<byte> key)
    {
        var from = 0;
        while (from < line.Length)
        {
            var found = line[from..].IndexOf(key);
            if (found < 0)
            {
                return default;
            }

            var at = from + found;
            if (at > 0 && line[at - 1] is (byte)'\t' or (byte)' ' && !EndsLongerKey(line[..at]))
            {
                return line[(at + key.Length)..];
            }

            from = at + key.Length;
        }

        return default;
    }

    private static bool EndsLongerKey(ReadOnlySpan<byte> before) =>
        before.EndsWith("Billed "u8) || before.EndsWith("Init "u8) || before.EndsWith("Restore "u8) || before.EndsWith("Max "u8)
        || before.EndsWith("RequestId: "u8);
}
