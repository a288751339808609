namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>Keeps every cold start (with its <see cref="ImportNode"/> forest) and REPORT, for <see cref="ParseResult"/>:
/// cold starts in the order they began.</summary>
internal sealed class CollectingSink : IColdStartSink
{
    private readonly List<(long Sequence, ColdStartProfile ColdStart)> _coldStarts = [];

    public List<Invocation> Invocations { get; } = [];

    /// <summary>Never: a <see cref="ParseResult"/> holds every row as an <see cref="ImportNode"/>.</summary>
    public int? FoldAfterRows => null;

    /// <summary>Never: a <see cref="ParseResult"/> holds every row in memory anyway.</summary>
    public int? SpillAfterRows => null;

    public ColdStartRows OnColdStart(ColdStartProfile coldStart, ColdStartRows rows, long sequence)
    {
        rows.ToNodes(coldStart.RootList);
        _coldStarts.Add((sequence, coldStart));
        return rows;
    }

    public void OnInvocation(Invocation invocation) => Invocations.Add(invocation);

    /// <summary>The cold starts in the order they began.</summary>
    public List<ColdStartProfile> ColdStarts() => _coldStarts.OrderBy(c => c.Sequence).Select(c => c.ColdStart).ToList();
}
