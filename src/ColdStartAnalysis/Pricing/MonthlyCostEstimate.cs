namespace ColdStart.Analysis.Pricing;

/// <summary>
/// One strategy's estimated monthly bill in US dollars, by line item. Produced by
/// <see cref="PricingModel.Estimate"/>; every line item is already multiplied by the architecture factor.
/// </summary>
/// <param name="Kind">How the strategy was priced.</param>
/// <param name="MemoryGb">Memory used for every GB-second figure (MB / 1024).</param>
/// <param name="Requests">Requests per month.</param>
/// <param name="RequestCost">Request charge.</param>
/// <param name="DurationCost">Duration of requests served by on-demand environments (all of them for on-demand, the spillover for provisioned).</param>
/// <param name="InitCost">Billed INIT of on-demand cold starts (0 when INIT is not billed).</param>
/// <param name="ProvisionedCost">Always-on provisioned concurrency charge (0 for on-demand).</param>
/// <param name="ProvisionedDurationCost">Duration of requests served by provisioned environments, at the provisioned duration rate.</param>
/// <param name="ColdStartsPerMonth">On-demand cold starts per month implied by the measured rate.</param>
/// <param name="Utilisation">
/// For provisioned concurrency: the share of provisioned GB-seconds actually spent running requests
/// (compare it with <see cref="PricingModel.BreakEvenUtilisation"/>); null for on-demand.
/// </param>
public sealed record MonthlyCostEstimate(
    StrategyKind Kind,
    double MemoryGb,
    double Requests,
    double RequestCost,
    double DurationCost,
    double InitCost,
    double ProvisionedCost,
    double ProvisionedDurationCost,
    double ColdStartsPerMonth,
    double? Utilisation)
{
    /// <summary>Sum of all line items.</summary>
    public double Total => RequestCost + DurationCost + InitCost + ProvisionedCost + ProvisionedDurationCost;
}
