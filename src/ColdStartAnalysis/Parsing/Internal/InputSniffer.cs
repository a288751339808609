using System.Text.Json;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>Tells a JSON export (one document, possibly pretty-printed) from line-oriented text by its first bytes.</summary>
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
            return true;
        }

        if (window[first] != (byte)'{')
        {
            return false;
        }

        // one object per line (Lambda JSON log format, JSON lines) is text; an object spanning lines is a document
        var lineEnd = window[first..].IndexOf((byte)'\n');
        var firstLine = lineEnd < 0 ? window[first..] : window.Slice(first, lineEnd);
        var reader = new Utf8JsonReader(firstLine, isFinalBlock: true, default);
        try
        {
            return !(reader.Read() && reader.TrySkip() && reader.BytesConsumed > 0
                     && firstLine[(int)reader.BytesConsumed..].IndexOfAnyExcept(" \t\r"u8) < 0);
        }
        catch (JsonException)
        {
            return lineEnd >= 0 || !buffer.Eof;
        }
    }
}
