using ColdStart.Analysis.Pricing;

namespace ColdStart.Analysis.Comparison;

/// <summary>What one named strategy's logs show, and what it would cost per month.</summary>
public sealed record StrategyResult
{
    /// <summary>The user's name for the strategy (e.g. <c>lazy</c>, <c>prewarmed</c>).</summary>
    public required string Name { get; init; }

    /// <summary>How the strategy is priced: provisioned concurrency when any of its cold starts was initialised as such (or when the caller said so), otherwise on-demand.</summary>
    public required StrategyKind Kind { get; init; }

    /// <summary>Import profiles (interpreter starts) found.</summary>
    public required int ColdStartProfiles { get; init; }

    /// <summary>Import profiles per init type (<see cref="InitTypes"/>), in a stable order.</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> ProfilesByInitType { get; init; }

    /// <summary>REPORT lines (invocations) found.</summary>
    public required int Invocations { get; init; }

    /// <summary>Invocations that were the first in their environment (see <see cref="Invocation.IsColdStart"/>).</summary>
    public required int ColdInvocations { get; init; }

    /// <summary>Cold invocations / invocations; null when there were no invocations.</summary>
    public double? ColdStartRate => Invocations == 0 ? null : (double)ColdInvocations / Invocations;

    /// <summary>Init Duration in ms per environment: from REPORT lines, and from INIT_REPORT for profiled environments whose REPORT has none (provisioned, SnapStart).</summary>
    public required Percentiles InitDurationMs { get; init; }

    /// <summary>What the caller of a cold invocation waited, in ms: Init Duration + Restore Duration + Duration.</summary>
    public required Percentiles FirstInvocationLatencyMs { get; init; }

    /// <summary>Duration in ms of the invocations that were not cold.</summary>
    public required Percentiles WarmDurationMs { get; init; }

    /// <summary>Init-phase (module-level) import time per profile in ms, over profiles whose phase split is known.</summary>
    public required Percentiles InitImportMs { get; init; }

    /// <summary>Handler-phase (lazy) import time per profile in ms: what lazy imports add to the invocations that trigger them.</summary>
    public required Percentiles LazyImportMs { get; init; }

    /// <summary>Per-request averages the cost is computed from; null when the logs have no REPORT lines.</summary>
    public required WorkloadProfile? Workload { get; init; }

    /// <summary>Estimated monthly cost; null when the logs have no REPORT lines to price.</summary>
    public required MonthlyCostEstimate? MonthlyCost { get; init; }
}
