namespace ColdStart.Analysis;

/// <summary>How many lines were skipped (or anomalies seen), by <see cref="SkipReason"/>.</summary>
public sealed class SkipCounts
{
    private static readonly SkipReason[] AllReasons = Enum.GetValues<SkipReason>();
    private readonly long[] _counts = new long[AllReasons.Length];

    /// <summary>The count for one reason; 0 when never seen.</summary>
    public long this[SkipReason reason] => _counts[(int)reason];

    /// <summary>Sum over every reason, line drops and anomalies alike.</summary>
    public long Total => _counts.Sum();

    /// <summary>Lines that were dropped (every reason except <see cref="SkipReason.OrphanChild"/> and <see cref="SkipReason.InconsistentCumulative"/>).</summary>
    public long LinesDropped => Total - this[SkipReason.OrphanChild] - this[SkipReason.InconsistentCumulative];

    /// <summary>The reasons seen with their counts, in enum order; reasons with a zero count are left out.</summary>
    public IEnumerable<(SkipReason Reason, long Count)> NonZero =>
        AllReasons.Where(r => _counts[(int)r] != 0).Select(r => (r, _counts[(int)r]));

    internal void Add(SkipReason reason, long count = 1) => _counts[(int)reason] += count;

    /// <summary>Whether the reason drops the line (as opposed to noting an anomaly of a kept import row).</summary>
    public static bool DropsLine(SkipReason reason) =>
        reason is not (SkipReason.OrphanChild or SkipReason.InconsistentCumulative);
}
