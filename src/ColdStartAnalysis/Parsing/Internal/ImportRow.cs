namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>What an <c>import time:</c> line turned out to be.</summary>
internal enum ImportRowKind
{
    /// <summary>Does not start with <c>import time:</c>.</summary>
    NotImportLine,
    Header,
    Row,
    CachedRow,
    Truncated,
    Interleaved,
}

/// <summary>
/// Parses CPython's <c>"import time: %9ld | %10ld | %*s%s\n"</c> rows on UTF-8 bytes without regex or allocation.
/// </summary>
internal static class ImportRow
{
    public static ReadOnlySpan<byte> Prefix => "import time:"u8;
    private static ReadOnlySpan<byte> HeaderRest => "self [us] | cumulative | imported package"u8;
    private static ReadOnlySpan<byte> Cached => "cached"u8;

    /// <summary>Parses a line (no line terminator). For <see cref="ImportRowKind.CachedRow"/>, <paramref name="indent"/> is the padding before the right-aligned name.</summary>
    public static ImportRowKind Parse(ReadOnlySpan<byte> line, out long self, out long cumulative, out int indent, out ReadOnlySpan<byte> name)
    {
        self = cumulative = 0;
        indent = 0;
        name = default;
        if (!line.StartsWith(Prefix))
        {
            return ImportRowKind.NotImportLine;
        }

        var rest = line[Prefix.Length..];
        var body = rest.TrimStart((byte)' ');
        if (body.StartsWith("self"u8))
        {
            return body.TrimEnd(" \t\r"u8).SequenceEqual(HeaderRest) ? ImportRowKind.Header : Broken(rest);
        }

        bool cached;
        if (body.StartsWith(Cached))
        {
            cached = true;
            body = body[Cached.Length..];
            if (!TrySkipSeparator(ref body) || !body.TrimStart((byte)' ').StartsWith(Cached))
            {
                return Broken(rest);
            }

            body = body.TrimStart((byte)' ')[Cached.Length..];
        }
        else
        {
            cached = false;
            if (!TryParseNumber(ref body, out self) || !TrySkipSeparator(ref body))
            {
                return Broken(rest);
            }

            body = body.TrimStart((byte)' ');
            if (!TryParseNumber(ref body, out cumulative))
            {
                return Broken(rest);
            }
        }

        // " | " then the indentation (or right-alignment padding) and the name
        if (!TrySkipSeparator(ref body) || body.Length == 0 || body[0] != (byte)' ')
        {
            return Broken(rest);
        }

        body = body[1..];
        var nameStart = body.IndexOfAnyExcept((byte)' ');
        if (nameStart < 0)
        {
            return Broken(rest);
        }

        var candidate = body[nameStart..].TrimEnd(" \t\r"u8);
        if (candidate.IndexOfAny(" |\t"u8) >= 0)
        {
            return Broken(rest);
        }

        indent = nameStart;
        name = candidate;
        return cached ? ImportRowKind.CachedRow : ImportRowKind.Row;
    }

    private static ImportRowKind Broken(ReadOnlySpan<byte> rest) =>
        rest.IndexOf(Prefix) >= 0 ? ImportRowKind.Interleaved : ImportRowKind.Truncated;

    private static bool TryParseNumber(ref ReadOnlySpan<byte> span, out long value)
    {
        value = 0;
        var i = 0;
        while (i < span.Length && (uint)(span[i] - '0') <= 9)
        {
            if (i == 18)
            {
                return false;
            }

            value = value * 10 + (span[i] - '0');
            i++;
        }

        span = span[i..];
        return i > 0;
    }

    /// <summary>Skips optional spaces then a '|' (the caller checks what follows).</summary>
    private static bool TrySkipSeparator(ref ReadOnlySpan<byte> span)
    {
        var trimmed = span.TrimStart((byte)' ');
        if (trimmed.Length == 0 || trimmed[0] != (byte)'|')
        {
            return false;
        }

        span = trimmed[1..];
        return true;
    }
}
