using ColdStart.Analysis.Pricing;

namespace ColdStart.Analysis.Comparison;

/// <summary>What one named strategy's logs show, and what it would cost per month.</summary>
public sealed record StrategyResult
{
    /// <summary>The user's name for the strategy (e.g. <c>lazy</c>, <c>prewarmed</c>).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// How the strategy is priced: provisioned concurrency when any of its cold starts was initialised as such, else
    /// SnapStart when any was a SnapStart init or restore, else on-demand; or what the caller said.
    /// </summary>
    public required StrategyKind Kind { get; init; }

    /// <summary>Import profiles (interpreter starts) found.</summary>
    public required int ColdStartProfiles { get; init; }

    /// <summary>Import profiles per init type (<see cref="InitTypes"/>), in a stable order.</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> ProfilesByInitType { get; init; }

    /// <summary>REPORT lines (invocations) found.</summary>
    public required int Invocations { get; init; }

    /// <summary>
    /// Invocations whose caller waited for a cold start: their REPORT has <c>Init Duration</c> (an on-demand INIT) or
    /// <c>Restore Duration</c> (a SnapStart restore). The first invocation of an environment initialised ahead of traffic
    /// (provisioned concurrency) is not one: see <see cref="PreInitialisedFirstInvocations"/>.
    /// </summary>
    public required int ColdInvocations { get; init; }

    /// <summary>Cold invocations / invocations: the share of calls that waited for an INIT or a restore; null when there were no invocations.</summary>
    public double? ColdStartRate => Invocations == 0 ? null : (double)ColdInvocations / Invocations;

    /// <summary>
    /// First invocations of environments that were initialised before the call (provisioned concurrency): the first
    /// REPORT after an import profile, with neither Init Duration nor Restore Duration. Nothing INIT was billed to them.
    /// </summary>
    public required int PreInitialisedFirstInvocations { get; init; }

    /// <summary>Invocations that began with a SnapStart restore (REPORT with <c>Restore Duration</c>).</summary>
    public required int Restores { get; init; }

    /// <summary>Init Duration in ms per environment: from REPORT lines, and from INIT_REPORT for profiled environments whose REPORT has none (provisioned, SnapStart).</summary>
    public required Percentiles InitDurationMs { get; init; }

    /// <summary>Restore Duration in ms of the SnapStart restores.</summary>
    public required Percentiles RestoreDurationMs { get; init; }

    /// <summary>What the caller of a cold invocation waited, in ms: Init Duration + Restore Duration + Duration.</summary>
    public required Percentiles FirstInvocationLatencyMs { get; init; }

    /// <summary>Duration in ms of the pre-initialised first invocations (lazy imports still run in them).</summary>
    public required Percentiles PreInitialisedFirstDurationMs { get; init; }

    /// <summary>Duration in ms of the invocations that were neither cold nor the first of a pre-initialised environment.</summary>
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
