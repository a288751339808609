namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// Where the parser hands what it completes, as soon as it is complete: each closed, complete cold start (incomplete ones
/// are only counted) and each REPORT. Cold starts arrive in the order they close, which is not the order they began when
/// environments interleave: the sequence given with each is the order they began, over all streams.
/// </summary>
internal interface IColdStartSink
{
    /// <summary>A complete cold start; the parser no longer touches it.</summary>
    /// <param name="coldStart">The cold start.</param>
    /// <param name="sequence">The order in which it began, over all streams (0-based, with gaps for incomplete ones).</param>
    void OnColdStart(ColdStartProfile coldStart, long sequence);

    /// <summary>A REPORT, in input order.</summary>
    void OnInvocation(Invocation invocation);
}
