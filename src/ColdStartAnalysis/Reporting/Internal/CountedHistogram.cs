namespace ColdStart.Analysis.Reporting.Internal;

/// <summary>
/// An exact counted histogram (value → how many times it was seen) that answers nearest-rank percentiles exactly as sorting
/// every sample would (<see cref="Percentiles.Rank"/>): memory grows with distinct values, never with samples. Values are
/// kept as given (integer µs, or the very doubles a sample list held), so what comes out is bit for bit what a sorted
/// sample list gives.
/// </summary>
/// <typeparam name="T">The value: <see cref="long"/> µs (turned into ms as <c>µs / 1000.0</c> on the way out, as the sample
/// lists did) or <see cref="double"/> (as read).</typeparam>
internal sealed class CountedHistogram<T>
    where T : struct, IComparable<T>
{
    private readonly Dictionary<T, int> _counts = [];
    private T[]? _sortedKeys;
    private int[]? _sortedCounts;

    /// <summary>Samples added.</summary>
    public int Count { get; private set; }

    public void Add(T value)
    {
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, value, out _)++;
        Count++;
        _sortedKeys = null;
    }

    /// <summary>The smallest value; the histogram must not be empty.</summary>
    public T Min => Sorted().Keys[0];

    /// <summary>The largest value; the histogram must not be empty.</summary>
    public T Max => Sorted().Keys[^1];

    /// <summary>The nearest-rank p-th percentile (0 &lt; p ≤ 100), as <see cref="Percentiles.Rank"/> computes it.</summary>
    public T Rank(double p)
    {
        ArgumentOutOfRangeException.ThrowIfZero(Count);
        if (p is <= 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "percentile must be in (0, 100]");
        }

        var rank = Math.Clamp((int)Math.Ceiling(p / 100 * Count), 1, Count);
        var (keys, counts) = Sorted();
        var seen = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return keys[i];
            }
        }

        return keys[^1];
    }

    /// <summary>Count, p50, p90, p99 and max, each value turned into the figure by <paramref name="toMs"/>; all null when empty.</summary>
    public Percentiles ToPercentiles(Func<T, double> toMs) => Count == 0
        ? Percentiles.Empty
        : new Percentiles(Count, toMs(Rank(50)), toMs(Rank(90)), toMs(Rank(99)), toMs(Max));

    private (T[] Keys, int[] Counts) Sorted()
    {
        if (_sortedKeys is null || _sortedCounts is null)
        {
            var keys = new T[_counts.Count];
            var counts = new int[_counts.Count];
            var i = 0;
            foreach (var (key, count) in _counts)
            {
                keys[i] = key;
                counts[i] = count;
                i++;
            }

            Array.Sort(keys, counts);
            _sortedKeys = keys;
            _sortedCounts = counts;
        }

        return (_sortedKeys, _sortedCounts);
    }
}
