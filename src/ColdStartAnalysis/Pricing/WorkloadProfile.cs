namespace ColdStart.Analysis.Pricing;

/// <summary>
/// What one strategy's logs say about a single request, averaged: the inputs the money maths needs.
/// Built by <c>StrategyComparison</c> from the invocations it saw, or by hand.
/// </summary>
/// <param name="MemoryMb">Configured memory of the function in MB (REPORT <c>Memory Size</c>).</param>
/// <param name="MeanBilledDurationMs">
/// Mean handler duration per request in ms, each rounded up to the next whole ms as Lambda bills it
/// (INIT excluded: it is <paramref name="MeanInitDurationMs"/>).
/// </param>
/// <param name="OnDemandInitRate">
/// Share of requests (0–1) that began with an on-demand INIT (a REPORT with <c>Init Duration</c>).
/// </param>
/// <param name="MeanInitDurationMs">Mean billed INIT per on-demand cold start in ms (rounded up per cold start).</param>
/// <param name="SpilloverFraction">
/// Share of requests (0–1) served by on-demand environments although provisioned concurrency was
/// configured (measured: requests in log streams that ran an on-demand INIT). 1 for an on-demand
/// strategy, where it is not used.
/// </param>
/// <param name="RestoreRate">Share of requests (0–1) that began with a SnapStart restore (a REPORT with <c>Restore Duration</c>). Default: 0.</param>
/// <param name="MeanBilledRestoreDurationMs">
/// Mean <c>Billed Restore Duration</c> per restore in ms, over the restores that logged one; null when none did.
/// Default: null.
/// </param>
public sealed record WorkloadProfile(
    int MemoryMb,
    double MeanBilledDurationMs,
    double OnDemandInitRate,
    double MeanInitDurationMs,
    double SpilloverFraction,
    double RestoreRate = 0,
    double? MeanBilledRestoreDurationMs = null);
