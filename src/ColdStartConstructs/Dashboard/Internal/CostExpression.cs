using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;

namespace ColdStart.Constructs.Dashboard.Internal;

/// <summary>
/// The estimated cost of a variant per <see cref="Period"/>, as CloudWatch metric math over Lambda's metrics, at the
/// prices of its architecture: requests, handler duration, for provisioned variants the allocated provisioned
/// concurrency, and for SnapStart variants the snapshot cache. INIT and SnapStart restores are billed too but have no
/// metric; the dashboard prices them from the REPORT lines in Logs Insights instead.
/// </summary>
internal static class CostExpression
{
    public static readonly Duration Period = Duration.Hours(1);

    public const string PeriodLabel = "hour";

    public static MathExpression For(ResolvedVariant v, PriceTable prices)
    {
        var gb = v.MemorySize / 1024;
        var rates = prices.For(v.Architecture);
        var metrics = new Dictionary<string, IMetric>
        {
            ["inv"] = LambdaMetrics.Invocations(v, Period),
            ["dur"] = LambdaMetrics.Duration(v, "Sum", Period),
        };
        var requests = $"FILL(inv, 0) * {PlainNumber.Format(prices.PerRequest)}";
        if (!v.IsProvisioned)
        {
            var onDemand = $"{requests} + FILL(dur, 0) / 1000 * {PlainNumber.Format(gb * rates.OnDemand)}";
            return new MathExpression(new MathExpressionProps
            {
                // The snapshot is cached, and billed, for as long as the version is active: every second of the period.
                Expression = v.SnapStart ? $"{onDemand} + PERIOD(inv) * {PlainNumber.Format(gb * prices.SnapshotCacheGbSecond)}" : onDemand,
                UsingMetrics = metrics,
                Period = Period,
                Label = $"Estimated USD per {PeriodLabel}: requests + on-demand duration{(v.SnapStart ? " + snapshot cache" : "")}",
            });
        }

        metrics["spill"] = LambdaMetrics.ProvisionedConcurrencySpilloverInvocations(v, Period);
        // Lambda does not split Duration by who served the call: price it at the provisioned rate, and the spillover
        // share of it at the on-demand rate.
        var duration = $"FILL(dur, 0) / 1000 * {PlainNumber.Format(gb * rates.ProvisionedDuration)}";
        var spillover = $"IF(FILL(inv, 0) > 0, FILL(dur, 0) / 1000 * {PlainNumber.Format(gb * (rates.OnDemand - rates.ProvisionedDuration))} * FILL(spill, 0) / FILL(inv, 0), 0)";
        var allocated = $"PERIOD(inv) * {PlainNumber.Format(v.ProvisionedConcurrency * gb * rates.Provisioned)}";
        return new MathExpression(new MathExpressionProps
        {
            Expression = $"{requests} + {duration} + {spillover} + {allocated}",
            UsingMetrics = metrics,
            Period = Period,
            Label = $"Estimated USD per {PeriodLabel}: requests + duration + {PlainNumber.Format(v.ProvisionedConcurrency)} provisioned",
        });
    }
}
