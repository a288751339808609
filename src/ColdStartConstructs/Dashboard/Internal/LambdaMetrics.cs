using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;

namespace ColdStart.Constructs.Dashboard.Internal;

/// <summary>
/// The <c>AWS/Lambda</c> metrics of one variant. Function-level metrics use the <c>FunctionName</c> dimension (all
/// versions and aliases together); provisioned-concurrency metrics exist only per alias, with
/// <c>Resource = &lt;function&gt;:&lt;alias&gt;</c> next to <c>FunctionName</c>.
/// </summary>
internal static class LambdaMetrics
{
    public const string Namespace = "AWS/Lambda";

    public static Metric Invocations(ResolvedVariant v, Duration period) => OfFunction(v, "Invocations", "Sum", period, "Invocations");

    public static Metric Errors(ResolvedVariant v, Duration period) => OfFunction(v, "Errors", "Sum", period, "Errors");

    public static Metric Throttles(ResolvedVariant v, Duration period) => OfFunction(v, "Throttles", "Sum", period, "Throttles");

    /// <summary>Duration of the handler (INIT excluded: Lambda publishes no metric for it).</summary>
    public static Metric Duration(ResolvedVariant v, string statistic, Duration period) =>
        OfFunction(v, "Duration", statistic, period, $"Duration {statistic}");

    public static Metric ConcurrentExecutions(ResolvedVariant v, Duration period) =>
        OfFunction(v, "ConcurrentExecutions", "Maximum", period, "Concurrent executions (max)");

    public static Metric ProvisionedConcurrencyUtilization(ResolvedVariant v, Duration period) =>
        OfAlias(v, "ProvisionedConcurrencyUtilization", "Maximum", period, "Utilisation (max)");

    public static Metric ProvisionedConcurrencyInvocations(ResolvedVariant v, Duration period) =>
        OfAlias(v, "ProvisionedConcurrencyInvocations", "Sum", period, "Served by provisioned concurrency");

    public static Metric ProvisionedConcurrencySpilloverInvocations(ResolvedVariant v, Duration period) =>
        OfAlias(v, "ProvisionedConcurrencySpilloverInvocations", "Sum", period, "Spillover (on-demand)");

    private static Metric OfFunction(ResolvedVariant v, string name, string statistic, Duration period, string label) => new(new MetricProps
    {
        Namespace = Namespace,
        MetricName = name,
        DimensionsMap = new Dictionary<string, string> { ["FunctionName"] = v.FunctionName },
        Statistic = statistic,
        Period = period,
        Label = label,
    });

    private static Metric OfAlias(ResolvedVariant v, string name, string statistic, Duration period, string label) => new(new MetricProps
    {
        Namespace = Namespace,
        MetricName = name,
        DimensionsMap = new Dictionary<string, string>
        {
            ["FunctionName"] = v.FunctionName,
            ["Resource"] = v.AliasResource ?? throw new InvalidOperationException($"{v.Label} has no alias."),
        },
        Statistic = statistic,
        Period = period,
        Label = label,
    });
}
