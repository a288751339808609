using System.Text.Json;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>Looks at an input's first bytes: JSON document or lines, a Logs Insights CSV export, the first event's timestamp.</summary>
internal static class InputSniffer
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Skips a UTF-8 BOM; true when the input is a JSON document rather than lines.</summary>
    public static bool IsJsonDocument(SourceBuffer buffer)
    {
        buffer.Fill();
        if (buffer.Window.StartsWith(Bom))
        {
            buffer.Consume(Bom.Length);
        }

        return IsJsonDocument(buffer.Window, buffer.Eof);
    }

    /// <summary>True when the bytes (the start of an input, BOM skipped) open a JSON document rather than lines.</summary>
    public static bool IsJsonDocument(ReadOnlySpan<byte> window, bool eof)
    {
        var first = window.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0)
        {
            return false;
        }

        if (window[first] == (byte)'[')
        {
            // an array of events, not a "[INFO]" log line
            var next = window[(first + 1)..].IndexOfAnyExcept(" \t\r\n"u8);
            return next < 0 || window[first + 1 + next] is (byte)'{' or (byte)']';
        }

        if (window[first] != (byte)'{')
        {
            return false;
        }

        // A pretty-printed export opens with a lone '{'; a compact one is a single (long) line with an "events" array.
        // Other objects one a line are Lambda JSON log format or JSON lines, read as text.
        var lineEnd = window[first..].IndexOf((byte)'\n');
        if (lineEnd < 0)
        {
            return !eof || HasTopLevelEvents(window[first..]);
        }

        var firstLine = window.Slice(first, lineEnd).TrimEnd(" \t\r"u8);
        return firstLine.Length == 1 || HasTopLevelEvents(firstLine);
    }

    /// <summary>
    /// True for the CSV the CloudWatch console exports from Logs Insights: a header line of field names, one of them
    /// <c>@message</c>.
    /// </summary>
    public static bool IsInsightsCsv(ReadOnlySpan<byte> window)
    {
        var start = window.StartsWith(Bom) ? Bom.Length : 0;
        var rest = window[start..];
        var end = rest.IndexOf((byte)'\n');
        var header = (end < 0 ? rest : rest[..end]).TrimEnd((byte)'\r');
        if (header.IndexOf((byte)',') < 0)
        {
            return false;
        }

        while (true)
        {
            var comma = header.IndexOf((byte)',');
            var field = comma < 0 ? header : header[..comma];
            if (field.Trim(" \t\""u8).SequenceEqual("@message"u8))
            {
                return true;
            }

            if (comma < 0)
            {
                return false;
            }

            header = header[(comma + 1)..];
        }
    }

    /// <summary>
    /// The first event timestamp (Unix ms) in the bytes: the first <c>timestamp</c> number of a JSON export, or the first
    /// <c>aws logs tail</c> prefix or one-event-a-line JSON object; null when the bytes have none.
    /// </summary>
    public static long? FirstMillis(ReadOnlySpan<byte> window, bool eof)
    {
        if (window.StartsWith(Bom))
        {
            window = window[Bom.Length..];
        }

        if (IsJsonDocument(window, eof))
        {
            return FirstJsonTimestamp(window, eof);
        }

        while (!window.IsEmpty)
        {
            var end = window.IndexOf((byte)'\n');
            if (end < 0 && !eof)
            {
                return null;
            }

            var line = end < 0 ? window : window[..end];
            if (TailPrefix.TrySplit(line, out var token, out _, out _))
            {
                return TailPrefix.ParseTimestamp(token)?.ToUnixTimeMilliseconds();
            }

            if (line.Length > 0 && line[0] == (byte)'{' && FirstJsonTimestamp(line, eof: true) is { } millis)
            {
                return millis;
            }

            window = end < 0 ? default : window[(end + 1)..];
        }

        return null;
    }

    private static long? FirstJsonTimestamp(ReadOnlySpan<byte> json, bool eof)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: eof, new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 256 }));
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("timestamp"u8)
                    && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var millis))
                {
                    return millis;
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private static bool HasTopLevelEvents(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, default);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("events"u8))
                {
                    return true;
                }

                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }
}
