using Amazon.CDK.AWS.Logs;

namespace ColdStart.Constructs;

/// <summary>Options of a <see cref="ColdStartComparison"/>.</summary>
public class ColdStartComparisonProps
{
    /// <summary>
    /// What every variant shares: code, runtime (default python3.13), memory, architecture, timeout, environment,
    /// role, VPC, profiling options… and the default <c>Handler</c>. <c>PreWarming</c>, <c>SnapStart</c>,
    /// <c>LogGroup</c> and <c>LogRetention</c> are set per variant by the comparison and must be left unset. Required.
    /// </summary>
    public ImportTimeProfiledFunctionProps Function { get; set; } = null!;

    /// <summary>
    /// The variants, at least two (at most <see cref="ColdStartComparison.MaxVariants"/>), e.g.
    /// <c>[ComparisonVariant.Lazy("app_lazy.handler"), ComparisonVariant.PreWarmed("app_eager.handler")]</c>. Required.
    /// </summary>
    public ComparisonVariant[] Variants { get; set; } = [];

    /// <summary>
    /// A label of the current comparison run, set as <c>COLDSTART_RUN_ID</c> on every variant. Changing it publishes new
    /// versions, so every variant cold-starts again. Default: the context key <c>coldstart:run</c>
    /// (<c>cdk deploy -c coldstart:run=2</c>) when set, else no such variable.
    /// </summary>
    public string? RunId { get; set; }

    /// <summary>How long each variant's log group keeps its events. Default: two weeks.</summary>
    public RetentionDays? LogRetention { get; set; }

    /// <summary>Whether to add a <see cref="ColdStartDashboard"/> with the saved queries. Default: true.</summary>
    public bool? Dashboard { get; set; }

    /// <summary>Name of the CloudWatch dashboard. Default: a name CloudFormation generates.</summary>
    public string? DashboardName { get; set; }

    /// <summary>Prices behind the dashboard's cost estimates. Default: <see cref="LambdaPricing"/>'s defaults (us-east-1).</summary>
    public LambdaPricing? Pricing { get; set; }
}
