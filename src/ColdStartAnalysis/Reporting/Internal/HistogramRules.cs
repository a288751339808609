namespace ColdStart.Analysis.Reporting.Internal;

/// <summary>What <see cref="CountedHistogram{T}"/> and <see cref="PackedIntHistogram"/> share: when their buffer of
/// pending values grows rather than merges, and which sample a percentile is.</summary>
internal static class HistogramRules
{
    // the pending buffer grows to 1,024 values, and beyond that to a quarter of the distinct values (at most 8,192), so the
    // linear merge costs a few steps per value however many distinct values there are, for a bounded share of the memory
    private const int SmallPending = 1024;
    /// <summary>The most values a pending buffer holds (also the radix sort's least scratch).</summary>
    public const int MaxPending = 8192;

    /// <summary>Doubles a full pending buffer when the distinct values warrant it; false when it should be merged.</summary>
    public static bool TryGrowPending<T>(ref T[] pending, int distinct)
    {
        if (pending.Length < Math.Min(MaxPending, Math.Max(SmallPending, distinct / 4)) && pending.Length < distinct)
        {
            Array.Resize(ref pending, Math.Min(MaxPending, pending.Length * 2));
            return true;
        }

        return false;
    }

    /// <summary>The 1-based nearest rank of the p-th percentile (0 &lt; p ≤ 100) among <paramref name="count"/> samples, as
    /// <see cref="Percentiles.Rank"/> computes it.</summary>
    public static int NearestRank(double p, int count)
    {
        ArgumentOutOfRangeException.ThrowIfZero(count);
        if (p is <= 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "percentile must be in (0, 100]");
        }

        return Math.Clamp((int)Math.Ceiling(p / 100 * count), 1, count);
    }
}
