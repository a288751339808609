namespace ColdStart.Analysis;

/// <summary>One invocation, known from its REPORT.</summary>
/// <param name="Stream">Log stream (execution environment) it ran in; the source name when the input has no stream names.</param>
/// <param name="RequestId">The request id.</param>
/// <param name="Metrics">The REPORT numbers.</param>
/// <param name="IsColdStart">True when the report has Init Duration or Restore Duration, or is the first report after an import profile in its stream.</param>
/// <param name="Timestamp">When the REPORT was logged, when the input carries timestamps; otherwise null.</param>
public sealed record Invocation(string Stream, string RequestId, ReportMetrics Metrics, bool IsColdStart, DateTimeOffset? Timestamp);
