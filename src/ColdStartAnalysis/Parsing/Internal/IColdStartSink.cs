namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// Where the parser hands what it completes, as soon as it is complete: each closed, complete cold start (incomplete ones
/// are only counted) and each REPORT. Cold starts arrive in the order they close, which is not the order they began when
/// environments interleave: the sequence given with each is the order they began, over all streams.
/// </summary>
internal interface IColdStartSink
{
    /// <summary>
    /// Rows an open cold start keeps as rows before its complete init-phase rows may be folded into one row per import path
    /// (<see cref="PathFolder"/>, <see cref="ColdStartRows.Folded"/>); null when the sink reads rows one by one and takes no
    /// folded rows.
    /// </summary>
    int? FoldAfterRows { get; }

    /// <summary>
    /// Open rows the parser keeps in memory before the rows of Lambda environments whose first invocation has ended wait in
    /// a temporary file instead (<see cref="RowSpill"/>); null: never (the sink keeps every row anyway).
    /// </summary>
    int? SpillAfterRows { get; }

    /// <summary>A complete cold start; the parser no longer touches the profile.</summary>
    /// <param name="coldStart">The cold start, without its import forest (its <see cref="ColdStartProfile.Roots"/> are empty).</param>
    /// <param name="rows">Its import rows, which the sink may keep until it has read them.</param>
    /// <returns>Rows for the parser to fill next: <paramref name="rows"/> when the sink is done with them.</returns>
    /// <param name="sequence">The order in which it began, over all streams (0-based, with gaps for incomplete ones).</param>
    ColdStartRows OnColdStart(ColdStartProfile coldStart, ColdStartRows rows, long sequence);

    /// <summary>A REPORT, in input order.</summary>
    void OnInvocation(Invocation invocation);
}
