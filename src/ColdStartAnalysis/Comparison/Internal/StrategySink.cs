using ColdStart.Analysis.Parsing.Internal;

namespace ColdStart.Analysis.Comparison.Internal;

/// <summary>
/// Keeps what a comparison reads while the parser streams one strategy's logs: each cold start's
/// <see cref="ColdStartFacts"/> (its rows are dropped as soon as it closes) and each REPORT.
/// </summary>
/// <param name="spillAfterRows">See <see cref="IColdStartSink.SpillAfterRows"/>.</param>
internal sealed class StrategySink(int spillAfterRows) : IColdStartSink
{
    private readonly List<(long Sequence, ColdStartFacts Facts)> _coldStarts = [];

    public List<Invocation> Invocations { get; } = [];

    /// <summary>A comparison reads only the roots' sums, which folding keeps.</summary>
    public int? FoldAfterRows => PathFolder.DefaultFoldAfterRows;

    public int? SpillAfterRows => spillAfterRows;

    public ColdStartRows OnColdStart(ColdStartProfile coldStart, ColdStartRows rows, long sequence)
    {
        _coldStarts.Add((sequence, ColdStartFacts.Of(coldStart, rows.SumRoots)));
        return rows;
    }

    public void OnInvocation(Invocation invocation) => Invocations.Add(invocation);

    /// <summary>The cold starts in the order they began, as <see cref="ParseResult.ColdStarts"/> has them.</summary>
    public List<ColdStartFacts> ColdStarts() => _coldStarts.OrderBy(c => c.Sequence).Select(c => c.Facts).ToList();
}
