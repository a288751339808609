using ColdStart.Analysis.Pricing;

namespace ColdStart.Analysis.Comparison.Internal;

/// <summary>Turns one strategy's logs into a <see cref="StrategyResult"/>.</summary>
internal static class StrategyMeasurement
{
    private static readonly string[] InitTypeOrder =
        [InitTypes.OnDemand, InitTypes.ProvisionedConcurrency, InitTypes.SnapStart, InitTypes.Unknown];

    public static StrategyResult Measure(StrategyLogs logs, StrategyKind? forcedKind, PricingModel pricing)
    {
        var name = logs.Name;
        var profiles = logs.ColdStartFacts;
        var invocations = logs.InvocationList;
        // What the caller waited for: an INIT or a restore, as the REPORT says.
        var cold = invocations.Where(WaitedForColdStart).ToList();
        var preInitialised = invocations.Where(i => i.IsColdStart && !WaitedForColdStart(i)).ToList();
        var restores = invocations.Where(i => i.Metrics.RestoreDurationMs is not null).ToList();

        var kind = forcedKind ?? DetectKind(profiles, restores.Count);
        var workload = invocations.Count == 0 ? null : Workload(profiles, invocations, kind);
        return new StrategyResult
        {
            Name = name,
            Kind = kind,
            ColdStartProfiles = profiles.Count,
            ProfilesByInitType = InitTypeOrder
                .Select(t => new KeyValuePair<string, int>(t, profiles.Count(p => p.InitType == t)))
                .Where(kv => kv.Value > 0)
                .ToList(),
            Invocations = invocations.Count,
            ColdInvocations = cold.Count,
            PreInitialisedFirstInvocations = preInitialised.Count,
            Restores = restores.Count,
            // Provisioned and SnapStart environments report their INIT in INIT_REPORT, not in a REPORT.
            InitDurationMs = Percentiles.Of(invocations.Where(i => i.Metrics.InitDurationMs is not null).Select(i => i.Metrics.InitDurationMs!.Value)
                .Concat(profiles.Where(p => p.FirstReportInitDurationMs is null && p.InitDurationMs is not null).Select(p => p.InitDurationMs!.Value))),
            RestoreDurationMs = Percentiles.Of(restores.Select(i => i.Metrics.RestoreDurationMs!.Value)),
            FirstInvocationLatencyMs = Percentiles.Of(cold.Select(i =>
                i.Metrics.DurationMs + (i.Metrics.InitDurationMs ?? 0) + (i.Metrics.RestoreDurationMs ?? 0))),
            PreInitialisedFirstDurationMs = Percentiles.Of(preInitialised.Select(i => i.Metrics.DurationMs)),
            WarmDurationMs = Percentiles.Of(invocations.Where(i => !i.IsColdStart).Select(i => i.Metrics.DurationMs)),
            InitImportMs = Percentiles.Of(profiles.Where(p => p.Split == PhaseSplit.Known).Select(p => p.InitImportMicros / 1000.0)),
            LazyImportMs = Percentiles.Of(profiles.Where(p => p.Split == PhaseSplit.Known).Select(p => p.InvokeImportMicros / 1000.0)),
            Workload = workload,
            MonthlyCost = workload is null ? null : pricing.Estimate(workload, kind, pricing.ProvisionedConcurrencyOf(name)),
        };
    }

    private static bool WaitedForColdStart(Invocation invocation) =>
        invocation.Metrics.InitDurationMs is not null || invocation.Metrics.RestoreDurationMs is not null;

    private static StrategyKind DetectKind(IReadOnlyList<ColdStartFacts> profiles, int restores) =>
        profiles.Any(p => p.InitType == InitTypes.ProvisionedConcurrency) ? StrategyKind.ProvisionedConcurrency
        : restores > 0 || profiles.Any(p => p.InitType == InitTypes.SnapStart) ? StrategyKind.SnapStart
        : StrategyKind.OnDemand;

    private static WorkloadProfile Workload(IReadOnlyList<ColdStartFacts> profiles, IReadOnlyList<Invocation> invocations, StrategyKind kind)
    {
        var memories = invocations.Select(i => (double)i.Metrics.MemorySizeMb).Where(m => m > 0).ToList();
        var memoryMb = memories.Count == 0 ? PricingModel.FallbackMemoryMb : (int)Percentiles.Of(memories).P50!.Value;

        // Lambda bills duration and INIT rounded up to the next millisecond. Priced on demand, environments
        // that were initialised as provisioned concurrency would have been on-demand cold starts too.
        var inits = invocations.Where(i => i.Metrics.InitDurationMs is not null).Select(i => i.Metrics.InitDurationMs!.Value)
            .Concat(kind == StrategyKind.OnDemand
                ? profiles.Where(p => p.InitType == InitTypes.ProvisionedConcurrency && p.FirstReportInitDurationMs is null && p.InitDurationMs is not null).Select(p => p.InitDurationMs!.Value)
                : [])
            .Select(Math.Ceiling)
            .ToList();

        // An environment that ran an on-demand INIT is not provisioned: its requests are the spillover.
        var onDemandStreams = invocations.Where(i => i.Metrics.InitDurationMs is not null).Select(i => i.Stream)
            .Concat(profiles.Where(p => p.InitType == InitTypes.OnDemand).Select(p => p.Stream))
            .ToHashSet(StringComparer.Ordinal);

        var restores = invocations.Count(i => i.Metrics.RestoreDurationMs is not null);
        var billedRestores = invocations.Where(i => i.Metrics.RestoreDurationMs is not null && i.Metrics.BilledRestoreDurationMs is not null)
            .Select(i => i.Metrics.BilledRestoreDurationMs!.Value)
            .ToList();

        return new WorkloadProfile(
            MemoryMb: memoryMb,
            MeanBilledDurationMs: invocations.Average(i => Math.Ceiling(i.Metrics.DurationMs)),
            OnDemandInitRate: (double)inits.Count / invocations.Count,
            MeanInitDurationMs: inits.Count == 0 ? 0 : inits.Average(),
            SpilloverFraction: kind == StrategyKind.ProvisionedConcurrency ? (double)invocations.Count(i => onDemandStreams.Contains(i.Stream)) / invocations.Count : 1,
            RestoreRate: (double)restores / invocations.Count,
            MeanBilledRestoreDurationMs: billedRestores.Count == 0 ? null : billedRestores.Average());
    }
}
