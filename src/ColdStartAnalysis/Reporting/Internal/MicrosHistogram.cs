namespace ColdStart.Analysis.Reporting.Internal;

/// <summary>
/// A counted histogram of whole µs that keeps its values packed as 32-bit integers while they fit
/// (<see cref="PackedIntHistogram"/>: 3 bytes a distinct value instead of 9) and moves to 64-bit ones
/// (<see cref="CountedHistogram{T}"/>), exactly, the first time one does not. Figures come out in ms as <c>µs / 1000.0</c>,
/// the double the sample lists held.
/// </summary>
internal sealed class MicrosHistogram
{
    private PackedIntHistogram? _narrow = new();
    private CountedHistogram<long>? _wide;

    /// <summary>Samples added.</summary>
    public int Count => _narrow?.Count ?? _wide!.Count;

    public void Add(long micros)
    {
        if (_narrow is { } narrow)
        {
            if (micros is >= int.MinValue and <= int.MaxValue)
            {
                narrow.Add((int)micros);
                return;
            }

            _wide = new CountedHistogram<long>();
            _wide.Load(narrow.Values().Select(v => ((long)v.Value, v.Count)).ToList());
            _narrow = null;
        }

        _wide!.Add(micros);
    }

    /// <summary>The smallest value in ms; the histogram must not be empty.</summary>
    public double MinMs => (_narrow is { } narrow ? narrow.Min : _wide!.Min) / 1000.0;

    /// <summary>The largest value in ms; the histogram must not be empty.</summary>
    public double MaxMs => (_narrow is { } narrow ? narrow.Max : _wide!.Max) / 1000.0;

    /// <summary>The nearest-rank p-th percentile in ms (see <see cref="CountedHistogram{T}.Rank"/>).</summary>
    public double RankMs(double p) => (_narrow is { } narrow ? narrow.Rank(p) : _wide!.Rank(p)) / 1000.0;

    /// <summary>Count, p50, p90, p99 and max in ms; all null when empty.</summary>
    public Percentiles ToPercentiles() => _narrow is { } narrow
        ? narrow.ToPercentiles(us => us / 1000.0)
        : _wide!.ToPercentiles(us => us / 1000.0);
}
