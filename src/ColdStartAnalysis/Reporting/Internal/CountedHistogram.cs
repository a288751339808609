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
    // the distinct values seen, ascending, with their counts (a byte each: 9 bytes a distinct value with a long key)
    private T[] _keys = [];
    private ByteCounts<T> _counts = new();
    private int _distinct;

    // values added since the last merge; merged when full (sorted, then one linear merge), so adding stays cheap
    private T[] _pending = new T[4];
    private int _pendingCount;

    /// <summary>Samples added.</summary>
    public int Count { get; private set; }

    public void Add(T value)
    {
        if (_pendingCount == _pending.Length && !HistogramRules.TryGrowPending(ref _pending, _distinct))
        {
            Merge();
        }

        _pending[_pendingCount++] = value;
        Count++;
    }

    /// <summary>The smallest value; the histogram must not be empty.</summary>
    public T Min
    {
        get
        {
            Merge();
            return _keys[0];
        }
    }

    /// <summary>The largest value; the histogram must not be empty.</summary>
    public T Max
    {
        get
        {
            Merge();
            return _keys[_distinct - 1];
        }
    }

    /// <summary>The nearest-rank p-th percentile (0 &lt; p ≤ 100), as <see cref="Percentiles.Rank"/> computes it.</summary>
    public T Rank(double p)
    {
        var rank = HistogramRules.NearestRank(p, Count);
        Merge();
        var seen = 0;
        for (var i = 0; i < _distinct; i++)
        {
            seen += _counts.Get(i, _keys[i]);
            if (seen >= rank)
            {
                return _keys[i];
            }
        }

        return _keys[_distinct - 1];
    }

    /// <summary>The distinct values, ascending, with their counts.</summary>
    public IEnumerable<(T Value, int Count)> Values()
    {
        Merge();
        for (var i = 0; i < _distinct; i++)
        {
            yield return (_keys[i], _counts.Get(i, _keys[i]));
        }
    }

    /// <summary>Starts an empty histogram with these distinct values, ascending, and their counts.</summary>
    public void Load(IReadOnlyList<(T Value, int Count)> values)
    {
        _keys = new T[values.Count];
        _counts = new();
        _counts.Resize(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            _keys[i] = values[i].Value;
            _counts.Set(i, values[i].Value, values[i].Count);
            Count += values[i].Count;
        }

        _distinct = values.Count;
    }

    /// <summary>Count, p50, p90, p99 and max, each value turned into the figure by <paramref name="toMs"/>; all null when empty.</summary>
    public Percentiles ToPercentiles(Func<T, double> toMs) => Count == 0
        ? Percentiles.Empty
        : new Percentiles(Count, toMs(Rank(50)), toMs(Rank(90)), toMs(Rank(99)), toMs(Max));

    /// <summary>
    /// Sorts the pending values and merges them into the distinct values and their counts, in place from the back (the arrays
    /// grow by half when full, so a large histogram is not reallocated on every merge).
    /// </summary>
    private void Merge()
    {
        if (_pendingCount == 0)
        {
            return;
        }

        // (µs that fit 32 bits go to PackedIntHistogram, which sorts by radix; these are the rare wide µs and the doubles)
        var pending = _pending.AsSpan(0, _pendingCount);
        pending.Sort();

        // how many distinct values the merge holds: the known ones plus the pending values not among them
        var total = _distinct;
        var a = 0;
        for (var b = 0; b < pending.Length; b++)
        {
            if (b > 0 && pending[b].CompareTo(pending[b - 1]) == 0)
            {
                continue;
            }

            while (a < _distinct && _keys[a].CompareTo(pending[b]) < 0)
            {
                a++;
            }

            if (a == _distinct || _keys[a].CompareTo(pending[b]) != 0)
            {
                total++;
            }
        }

        if (total > _keys.Length)
        {
            var capacity = Math.Max(total, _keys.Length + (_keys.Length / 2));
            Array.Resize(ref _keys, capacity);
            _counts.Resize(capacity);
        }

        // from the back: the largest of what is left of both goes to the last free place
        var i = _distinct - 1;
        var j = pending.Length - 1;
        var k = total - 1;
        while (j >= 0)
        {
            var value = pending[j];
            var order = i < 0 ? -1 : _keys[i].CompareTo(value);
            if (order > 0)
            {
                _keys[k] = _keys[i];
                _counts.Move(i--, k--);
                continue;
            }

            var count = 0;
            while (j >= 0 && pending[j].CompareTo(value) == 0)
            {
                count++;
                j--;
            }

            if (order == 0)
            {
                count += _counts.Get(i--, value);
            }

            _keys[k] = value;
            _counts.Set(k--, value, count);
        }

        // what is left of the known values is already in place (k == i)
        _distinct = total;
        _pendingCount = 0;
    }

}
