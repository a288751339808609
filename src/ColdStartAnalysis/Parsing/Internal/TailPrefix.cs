using System.Globalization;
using System.Text;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// Recognises the prefix <c>aws logs tail</c> puts before each message: an ISO-8601 timestamp, then (in the
/// default "detailed" format) the log stream name (<c>YYYY/MM/DD/…</c>), each followed by a space.
/// </summary>
internal static class TailPrefix
{
    /// <summary>Splits a line into its prefix parts and the message; false when the line has no timestamp prefix.</summary>
    public static bool TrySplit(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> timestamp, out ReadOnlySpan<byte> stream, out ReadOnlySpan<byte> message)
    {
        timestamp = stream = default;
        message = line;
        // 2024-01-01T12:00:00 at least
        if (line.Length < 20 || !IsDigit(line[0]) || line[4] != (byte)'-' || line[7] != (byte)'-' || line[10] != (byte)'T'
            || line[13] != (byte)':' || !IsDigit(line[3]))
        {
            return false;
        }

        var end = line.IndexOfAny((byte)' ', (byte)'\t');
        if (end < 19)
        {
            return false;
        }

        timestamp = line[..end];
        var rest = line[(end + 1)..];
        var streamEnd = rest.IndexOf((byte)' ');
        if (streamEnd >= 11 && IsStreamName(rest[..streamEnd]))
        {
            stream = rest[..streamEnd];
            rest = rest[(streamEnd + 1)..];
        }

        message = rest;
        return true;
    }

    /// <summary>Lambda stream names start with the date: <c>2024/01/01/[$LATEST]hex</c>.</summary>
    private static bool IsStreamName(ReadOnlySpan<byte> token) =>
        IsDigit(token[0]) && IsDigit(token[3]) && token[4] == (byte)'/' && token[7] == (byte)'/' && token[10] == (byte)'/';

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    /// <summary>Parses the timestamp token; one without an offset is taken as UTC.</summary>
    public static DateTimeOffset? ParseTimestamp(ReadOnlySpan<byte> token)
    {
        Span<char> chars = stackalloc char[64];
        if (token.Length > chars.Length)
        {
            return null;
        }

        var length = Encoding.ASCII.GetChars(token, chars);
        return DateTimeOffset.TryParse(chars[..length], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;
    }
}
