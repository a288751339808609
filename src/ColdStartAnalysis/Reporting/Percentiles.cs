namespace ColdStart.Analysis;

/// <summary>
/// Nearest-rank percentiles of a sample: the p-th percentile is the smallest value with at least p% of the
/// sample at or below it (rank ⌈p/100 · n⌉ of the sorted values). All null when the sample is empty.
/// </summary>
/// <param name="Count">Sample size.</param>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Max">Largest value.</param>
public sealed record Percentiles(int Count, double? P50, double? P90, double? P99, double? Max)
{
    /// <summary>The percentiles of an empty sample.</summary>
    public static Percentiles Empty { get; } = new(0, null, null, null, null);

    /// <summary>Computes the percentiles of the values (NaN values are ignored).</summary>
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)]
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        Array.Sort(sorted);
        return new Percentiles(sorted.Length, Rank(sorted, 50), Rank(sorted, 90), Rank(sorted, 99), sorted[^1]);
    }

    /// <summary>Computes the percentiles of the known values: null (unknown) and NaN values are left out, never taken as 0.</summary>
    public static Percentiles Of(IEnumerable<double?> values) => Of(values.Where(v => v is not null).Select(v => v!.Value));

    /// <summary>The nearest-rank p-th percentile (0 &lt; p ≤ 100) of already sorted values.</summary>
    public static double Rank(IReadOnlyList<double> sorted, double p)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        if (p is <= 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "percentile must be in (0, 100]");
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
