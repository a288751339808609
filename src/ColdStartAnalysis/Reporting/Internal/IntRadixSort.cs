namespace ColdStart.Analysis.Reporting.Internal;

/// <summary>The sort of the histograms' pending values.</summary>
internal static class IntRadixSort
{
    [ThreadStatic]
    private static int[]? t_radixScratch;

    /// <summary>
    /// Sorts ints ascending by their bytes, least significant first (a byte all values share is skipped): µs values
    /// differ only in their low three bytes, so this is three linear passes instead of a comparison sort.
    /// </summary>
    public static void Sort(Span<int> values)
    {
        var n = values.Length;
        if (t_radixScratch is not { } scratch || scratch.Length < n)
        {
            t_radixScratch = scratch = new int[Math.Max(n, HistogramRules.MaxPending)];
        }

        // the sign bit flipped: negative values order before positive ones as unsigned numbers
        const uint Flip = 0x80000000u;
        Span<int> counts = stackalloc int[4 * 256];
        counts.Clear();
        foreach (var value in values)
        {
            var key = (uint)value ^ Flip;
            counts[(int)(key & 0xFF)]++;
            counts[256 + (int)((key >> 8) & 0xFF)]++;
            counts[512 + (int)((key >> 16) & 0xFF)]++;
            counts[768 + (int)(key >> 24)]++;
        }

        Span<int> source = values;
        Span<int> target = scratch.AsSpan(0, n);
        for (var pass = 0; pass < 4; pass++)
        {
            var shift = pass * 8;
            var offsets = counts.Slice(pass * 256, 256);
            if (offsets[(int)((((uint)source[0] ^ Flip) >> shift) & 0xFF)] == n)
            {
                continue;
            }

            var start = 0;
            for (var digit = 0; digit < 256; digit++)
            {
                var count = offsets[digit];
                offsets[digit] = start;
                start += count;
            }

            foreach (var value in source)
            {
                target[offsets[(int)((((uint)value ^ Flip) >> shift) & 0xFF)]++] = value;
            }

            var swap = source;
            source = target;
            target = swap;
        }

        if (source != values)
        {
            source.CopyTo(values);
        }
    }
}
