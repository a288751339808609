namespace ColdStart.Analysis;

/// <summary>The numbers of one Lambda <c>REPORT</c> line (or <c>platform.report</c> record).</summary>
/// <param name="RequestId">The request id the report belongs to.</param>
/// <param name="DurationMs">Handler duration.</param>
/// <param name="BilledDurationMs">Billed duration.</param>
/// <param name="MemorySizeMb">Configured memory.</param>
/// <param name="MaxMemoryUsedMb">Peak memory used.</param>
/// <param name="InitDurationMs">Init duration; only on the first invocation of an on-demand environment, otherwise null.</param>
/// <param name="RestoreDurationMs">SnapStart restore duration, otherwise null.</param>
/// <param name="BilledRestoreDurationMs">SnapStart billed restore duration, otherwise null.</param>
public sealed record ReportMetrics(
    string RequestId,
    double DurationMs,
    double BilledDurationMs,
    int MemorySizeMb,
    int MaxMemoryUsedMb,
    double? InitDurationMs,
    double? RestoreDurationMs,
    double? BilledRestoreDurationMs);
