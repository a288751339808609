using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;

namespace ColdStart.Constructs.Dashboard.Internal;

/// <summary>
/// The estimated cost of a variant per <see cref="Period"/>, as CloudWatch metric math over Lambda's metrics:
/// requests, handler duration, and for provisioned variants the allocated provisioned concurrency. INIT is billed too
/// (since 2025-08-01) but has no metric; the dashboard prices it from the REPORT lines in Logs Insights instead.
/// </summary>
internal static class CostExpression
{
    public static readonly Duration Period = Duration.Hours(1);

    public const string PeriodLabel = "hour";

    public static MathExpression For(ResolvedVariant v, PriceTable prices)
    {
        var gbFactor = v.MemorySize / 1024 * prices.ArchitectureFactor(v.Architecture);
        var metrics = new Dictionary<string, IMetric>
        {
            ["inv"] = LambdaMetrics.Invocations(v, Period),
            ["dur"] = LambdaMetrics.Duration(v, "Sum", Period),
        };
        var requests = $"FILL(inv, 0) * {PlainNumber.Format(prices.PerRequest)}";
        if (!v.IsProvisioned)
        {
            return new MathExpression(new MathExpressionProps
            {
                Expression = $"{requests} + FILL(dur, 0) / 1000 * {PlainNumber.Format(gbFactor * prices.OnDemandGbSecond)}",
                UsingMetrics = metrics,
                Period = Period,
                Label = $"Estimated USD per {PeriodLabel}: requests + on-demand duration",
            });
        }

        metrics["spill"] = LambdaMetrics.ProvisionedConcurrencySpilloverInvocations(v, Period);
        // Lambda does not split Duration by who served the call: price it at the provisioned rate, and the spillover
        // share of it at the on-demand rate.
        var duration = $"FILL(dur, 0) / 1000 * {PlainNumber.Format(gbFactor * prices.ProvisionedDurationGbSecond)}";
        var spillover = $"IF(FILL(inv, 0) > 0, FILL(dur, 0) / 1000 * {PlainNumber.Format(gbFactor * (prices.OnDemandGbSecond - prices.ProvisionedDurationGbSecond))} * FILL(spill, 0) / FILL(inv, 0), 0)";
        var allocated = $"PERIOD(inv) * {PlainNumber.Format(v.ProvisionedConcurrency * gbFactor * prices.ProvisionedGbSecond)}";
        return new MathExpression(new MathExpressionProps
        {
            Expression = $"{requests} + {duration} + {spillover} + {allocated}",
            UsingMetrics = metrics,
            Period = Period,
            Label = $"Estimated USD per {PeriodLabel}: requests + duration + {PlainNumber.Format(v.ProvisionedConcurrency)} provisioned",
        });
    }
}
