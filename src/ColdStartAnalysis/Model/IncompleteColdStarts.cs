namespace ColdStart.Analysis;

/// <summary>How many cold starts were left out because their profile is visibly incomplete, by <see cref="IncompleteReason"/>.</summary>
public sealed class IncompleteColdStarts
{
    private static readonly IncompleteReason[] AllReasons = Enum.GetValues<IncompleteReason>();
    private readonly int[] _counts = new int[AllReasons.Length];

    /// <summary>The count for one reason; 0 when never seen.</summary>
    public int this[IncompleteReason reason] => _counts[(int)reason];

    /// <summary>Cold starts left out, over every reason.</summary>
    public int Total => _counts.Sum();

    /// <summary>The reasons seen with their counts, in enum order; reasons with a zero count are left out.</summary>
    public IEnumerable<(IncompleteReason Reason, int Count)> NonZero =>
        AllReasons.Where(r => _counts[(int)r] != 0).Select(r => (r, _counts[(int)r]));

    internal void Add(IncompleteReason reason) => _counts[(int)reason]++;
}
