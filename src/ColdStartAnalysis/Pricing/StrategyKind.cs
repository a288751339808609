namespace ColdStart.Analysis.Pricing;

/// <summary>How a strategy's execution environments are paid for.</summary>
public enum StrategyKind
{
    /// <summary>
    /// On-demand environments: requests plus duration, plus the INIT phase of every cold start when
    /// <see cref="PricingModel.InitBilled"/> is set.
    /// </summary>
    OnDemand,

    /// <summary>
    /// Provisioned concurrency: always-on provisioned GB-seconds, duration at the provisioned rate, and
    /// the spillover share of requests priced as <see cref="OnDemand"/>.
    /// </summary>
    ProvisionedConcurrency,

    /// <summary>
    /// SnapStart: priced as <see cref="OnDemand"/>, plus the snapshot cache while the version is active, a per-GB
    /// charge per restore, and Billed Restore Duration at the on-demand duration rate.
    /// </summary>
    SnapStart,
}
