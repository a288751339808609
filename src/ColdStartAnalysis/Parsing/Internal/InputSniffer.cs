using System.Text.Json;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>Tells a JSON export (one document, pretty-printed or compact) from line-oriented text by its first bytes.</summary>
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

        var window = buffer.Window;
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
            return !buffer.Eof || HasTopLevelEvents(window[first..]);
        }

        var firstLine = window.Slice(first, lineEnd).TrimEnd(" \t\r"u8);
        return firstLine.Length == 1 || HasTopLevelEvents(firstLine);
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
