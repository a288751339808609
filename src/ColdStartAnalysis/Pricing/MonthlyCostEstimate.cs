namespace ColdStart.Analysis.Pricing;

/// <summary>
/// One strategy's estimated monthly bill in US dollars, by line item, at the prices of its architecture. Produced by
/// <see cref="PricingModel.Estimate"/>; line items that do not apply to the strategy's kind are 0.
/// </summary>
public sealed record MonthlyCostEstimate
{
    /// <summary>How the strategy was priced.</summary>
    public required StrategyKind Kind { get; init; }

    /// <summary>Memory used for every GB figure (MB / 1024).</summary>
    public required double MemoryGb { get; init; }

    /// <summary>Requests per month.</summary>
    public required double Requests { get; init; }

    /// <summary>Request charge.</summary>
    public required double RequestCost { get; init; }

    /// <summary>Duration of requests served by on-demand (and SnapStart) environments: all of them, or the spillover for provisioned concurrency.</summary>
    public required double DurationCost { get; init; }

    /// <summary>Billed INIT of on-demand cold starts (0 when INIT is not billed).</summary>
    public required double InitCost { get; init; }

    /// <summary>On-demand cold starts (INITs) per month implied by the measured rate.</summary>
    public required double ColdStartsPerMonth { get; init; }

    /// <summary>Provisioned environments priced (provisioned concurrency only; otherwise null).</summary>
    public int? ProvisionedConcurrency { get; init; }

    /// <summary>Always-on provisioned concurrency charge.</summary>
    public double ProvisionedCost { get; init; }

    /// <summary>Duration of requests served by provisioned environments, at the provisioned duration rate.</summary>
    public double ProvisionedDurationCost { get; init; }

    /// <summary>
    /// For provisioned concurrency: the share of provisioned GB-seconds actually spent running requests
    /// (compare it with <see cref="PricingModel.BreakEvenUtilisation"/>); null otherwise.
    /// </summary>
    public double? Utilisation { get; init; }

    /// <summary>SnapStart: the snapshot cache while the version is active (at least <see cref="PricingModel.SnapshotCacheMinimumHours"/> hours).</summary>
    public double SnapshotCacheCost { get; init; }

    /// <summary>SnapStart: the per-GB charge of every restore.</summary>
    public double RestoreCost { get; init; }

    /// <summary>
    /// SnapStart: Billed Restore Duration at the on-demand duration rate; null (unknown) when the logs show restores but
    /// no Billed Restore Duration to price them with.
    /// </summary>
    public double? RestoreDurationCost { get; init; } = 0;

    /// <summary>SnapStart: restores per month implied by the measured rate.</summary>
    public double RestoresPerMonth { get; init; }

    /// <summary>Sum of all line items; null when one of them is unknown.</summary>
    public double? Total => RestoreDurationCost is { } restoreDuration
        ? RequestCost + DurationCost + InitCost + ProvisionedCost + ProvisionedDurationCost + SnapshotCacheCost + RestoreCost + restoreDuration
        : null;
}
