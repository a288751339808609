namespace ColdStart.Analysis.Reporting.Internal;

/// <summary>
/// <see cref="CountedHistogram{T}"/> of ints packed for memory, the histogram of almost every figure the report keeps (µs
/// that fit in 32 bits): the distinct values are kept as their low 16 bits, in runs that share the high 16 bits (a
/// histogram of import times below 16.7 s has at most 256 runs), and their counts in a byte each (counts of 255 and more
/// beside, by value), so a distinct value takes 3 bytes instead of 5. Exact, as <see cref="CountedHistogram{T}"/>: the
/// same nearest-rank answers as a sorted list of every sample.
/// </summary>
internal sealed class PackedIntHistogram
{
    // the distinct values, ascending: low 16 bits and count per value; value = (high of its run << 16) | low
    private ushort[] _low = [];
    private ByteCounts<int> _counts = new();
    private int _distinct;

    // runs of values sharing their high 16 bits, ascending: run r holds the values from _runStart[r] to the next run's start
    private int[] _runHigh = new int[4];
    private int[] _runStart = new int[4];
    private int _runs;

    // the runs a merge writes above what it leaves in place, highest first
    private int[] _newHigh = new int[4];
    private int[] _newStart = new int[4];

    private int[] _pending = new int[4];
    private int _pendingCount;

    /// <summary>Samples added.</summary>
    public int Count { get; private set; }

    public void Add(int value)
    {
        if (_pendingCount == _pending.Length && !HistogramRules.TryGrowPending(ref _pending, _distinct))
        {
            Merge();
        }

        _pending[_pendingCount++] = value;
        Count++;
    }

    /// <summary>The smallest value; the histogram must not be empty.</summary>
    public int Min
    {
        get
        {
            Merge();
            return (_runHigh[0] << 16) | _low[0];
        }
    }

    /// <summary>The largest value; the histogram must not be empty.</summary>
    public int Max
    {
        get
        {
            Merge();
            return (_runHigh[_runs - 1] << 16) | _low[_distinct - 1];
        }
    }

    /// <summary>The nearest-rank p-th percentile (0 &lt; p ≤ 100), as <see cref="Percentiles.Rank"/> computes it.</summary>
    public int Rank(double p)
    {
        var rank = HistogramRules.NearestRank(p, Count);
        Merge();
        var seen = 0;
        for (var run = 0; run < _runs; run++)
        {
            var high = _runHigh[run] << 16;
            var end = run + 1 < _runs ? _runStart[run + 1] : _distinct;
            for (var i = _runStart[run]; i < end; i++)
            {
                var value = high | _low[i];
                seen += _counts.Get(i, value);
                if (seen >= rank)
                {
                    return value;
                }
            }
        }

        return Max;
    }

    /// <summary>The distinct values, ascending, with their counts.</summary>
    public IEnumerable<(int Value, int Count)> Values()
    {
        Merge();
        for (var run = 0; run < _runs; run++)
        {
            var high = _runHigh[run] << 16;
            var end = run + 1 < _runs ? _runStart[run + 1] : _distinct;
            for (var i = _runStart[run]; i < end; i++)
            {
                yield return (high | _low[i], _counts.Get(i, high | _low[i]));
            }
        }
    }

    /// <summary>Count, p50, p90, p99 and max, each value turned into the figure by <paramref name="toMs"/>; all null when empty.</summary>
    public Percentiles ToPercentiles(Func<int, double> toMs) => Count == 0
        ? Percentiles.Empty
        : new Percentiles(Count, toMs(Rank(50)), toMs(Rank(90)), toMs(Rank(99)), toMs(Max));

    /// <summary>Sorts the pending values and merges them into the distinct values, in place from the back (as
    /// <see cref="CountedHistogram{T}"/> does), rebuilding the runs above what stays in place.</summary>
    private void Merge()
    {
        if (_pendingCount == 0)
        {
            return;
        }

        var pending = _pending.AsSpan(0, _pendingCount);
        if (pending.Length > 64)
        {
            IntRadixSort.Sort(pending);
        }
        else
        {
            pending.Sort();
        }

        // how many distinct values the merge holds: the known ones plus the pending values not among them
        var total = _distinct;
        var a = 0;
        var run = 0;
        for (var b = 0; b < pending.Length; b++)
        {
            if (b > 0 && pending[b] == pending[b - 1])
            {
                continue;
            }

            while (a < _distinct && ValueAt(a, ref run) < pending[b])
            {
                a++;
            }

            if (a == _distinct || ValueAt(a, ref run) != pending[b])
            {
                total++;
            }
        }

        if (total > _low.Length)
        {
            var capacity = Math.Max(total, _low.Length + (_low.Length / 2));
            Array.Resize(ref _low, capacity);
            _counts.Resize(capacity);
        }

        // from the back: the largest of what is left of both goes to the last free place
        var i = _distinct - 1;
        var oldRun = _runs - 1;
        var j = pending.Length - 1;
        var k = total - 1;
        var newRuns = 0;
        while (j >= 0)
        {
            var value = pending[j];
            var old = 0;
            var order = -1;
            if (i >= 0)
            {
                while (_runStart[oldRun] > i)
                {
                    oldRun--;
                }

                old = (_runHigh[oldRun] << 16) | _low[i];
                order = old.CompareTo(value);
            }

            if (order > 0)
            {
                Write(k--, old, _counts.Get(i--, old), ref newRuns);
                continue;
            }

            var count = 0;
            while (j >= 0 && pending[j] == value)
            {
                count++;
                j--;
            }

            if (order == 0)
            {
                count += _counts.Get(i--, old);
            }

            Write(k--, value, count, ref newRuns);
        }

        // what is left of the known values is in place (k == i), with its runs; the new runs go above them, the lowest new
        // one joining the run of the last value left in place when they share their high bits
        var kept = 0;
        if (i >= 0)
        {
            while (_runStart[oldRun] > i)
            {
                oldRun--;
            }

            kept = oldRun + 1;
            if (newRuns > 0 && _newHigh[newRuns - 1] == _runHigh[oldRun])
            {
                newRuns--;
            }
        }

        if (kept + newRuns > _runHigh.Length)
        {
            Array.Resize(ref _runHigh, Math.Max(kept + newRuns, _runHigh.Length * 2));
            Array.Resize(ref _runStart, _runHigh.Length);
        }

        for (var r = 0; r < newRuns; r++)
        {
            _runHigh[kept + r] = _newHigh[newRuns - 1 - r];
            _runStart[kept + r] = _newStart[newRuns - 1 - r];
        }

        _runs = kept + newRuns;
        _distinct = total;
        _pendingCount = 0;
    }

    /// <summary>The value at <paramref name="index"/>, walking the runs forward from <paramref name="run"/>.</summary>
    private int ValueAt(int index, ref int run)
    {
        while (run + 1 < _runs && _runStart[run + 1] <= index)
        {
            run++;
        }

        return (_runHigh[run] << 16) | _low[index];
    }

    /// <summary>Writes a merged value at <paramref name="index"/> (merging from the back), opening a new run when its high
    /// bits differ from the value written before it.</summary>
    private void Write(int index, int value, int count, ref int newRuns)
    {
        _low[index] = (ushort)value;
        _counts.Set(index, value, count);

        var high = value >> 16;
        if (newRuns > 0 && _newHigh[newRuns - 1] == high)
        {
            _newStart[newRuns - 1] = index;
            return;
        }

        if (newRuns == _newHigh.Length)
        {
            Array.Resize(ref _newHigh, newRuns * 2);
            Array.Resize(ref _newStart, newRuns * 2);
        }

        _newHigh[newRuns] = high;
        _newStart[newRuns++] = index;
    }
}
