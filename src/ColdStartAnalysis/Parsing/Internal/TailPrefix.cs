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
    public static DateTimeOffset? ParseTimestamp(ReadOnlySpan<byte> token) => TryParseUtcFast(token, out var fast) ? fast : ParseAny(token);

    /// <summary>
    /// The shape <c>aws logs tail</c> prints (<c>2024-05-01T10:00:00[.ffffff](+00:00|Z|)</c>) without the general parser,
    /// which is slow enough to show on a profile when every REPORT line needs it.
    /// </summary>
    private static bool TryParseUtcFast(ReadOnlySpan<byte> t, out DateTimeOffset value)
    {
        value = default;
        if (t.Length < 19 || t[4] != (byte)'-' || t[7] != (byte)'-' || t[10] != (byte)'T' || t[13] != (byte)':' || t[16] != (byte)':')
        {
            return false;
        }

        var rest = t[19..];
        long fractionTicks = 0;
        if (rest.Length > 0 && rest[0] == (byte)'.')
        {
            var digits = 0;
            var scale = TimeSpan.TicksPerSecond;
            for (rest = rest[1..]; rest.Length > 0 && IsDigit(rest[0]); rest = rest[1..], digits++)
            {
                scale /= 10;
                fractionTicks += (rest[0] - '0') * scale;
            }

            if (digits == 0)
            {
                return false;
            }
        }

        if (!(rest.IsEmpty || rest.SequenceEqual("Z"u8) || rest.SequenceEqual("+00:00"u8)))
        {
            return false;
        }

        if (!TwoDigits(t, 5, out var month) || !TwoDigits(t, 8, out var day) || !TwoDigits(t, 11, out var hour)
            || !TwoDigits(t, 14, out var minute) || !TwoDigits(t, 17, out var second) || !TwoDigits(t, 0, out var century) || !TwoDigits(t, 2, out var year))
        {
            return false;
        }

        try
        {
            value = new DateTimeOffset(century * 100 + year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(fractionTicks);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool TwoDigits(ReadOnlySpan<byte> t, int at, out int value)
    {
        value = (t[at] - '0') * 10 + (t[at + 1] - '0');
        return IsDigit(t[at]) && IsDigit(t[at + 1]);
    }

    private static DateTimeOffset? ParseAny(ReadOnlySpan<byte> token)
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
