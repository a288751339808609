using Amazon.CDK;

namespace ColdStart.Constructs;

/// <summary>Options of a <see cref="ColdStartDashboard"/>.</summary>
public class ColdStartDashboardProps
{
    /// <summary>The columns, one per variant, in order. At least one. Required.</summary>
    public DashboardVariant[] Variants { get; set; } = [];

    /// <summary>Name of the CloudWatch dashboard. Default: a name CloudFormation generates.</summary>
    public string? DashboardName { get; set; }

    /// <summary>Prices behind the cost estimates. Default: <see cref="LambdaPricing"/>'s defaults (us-east-1, x86_64).</summary>
    public LambdaPricing? Pricing { get; set; }

    /// <summary>
    /// Whether to save the Logs Insights queries (<c>AWS::Logs::QueryDefinition</c>) scoped to the variants' log groups.
    /// Default: true.
    /// </summary>
    public bool? SavedQueries { get; set; }

    /// <summary>
    /// Folder of the saved queries in the Logs Insights console. Default: <c>ColdStart/&lt;stack name&gt;/&lt;construct id&gt;</c>.
    /// </summary>
    public string? QueryFolder { get; set; }

    /// <summary>Period of the metric graphs. Default: 5 minutes.</summary>
    public Duration? Period { get; set; }
}
