using Amazon.CDK.AWS.Lambda;

namespace ColdStart.Constructs;

/// <summary>One column of a <see cref="ColdStartDashboard"/>: a function (optionally an alias of it) and its log group.</summary>
public class DashboardVariant
{
    /// <summary>
    /// The column's title and the name in its widgets: 1-32 letters, digits, <c>-</c> or <c>_</c>, starting with a
    /// letter, unique (ignoring case) in the dashboard. Required.
    /// </summary>
    public string Label { get; set; } = "";

    /// <summary>The function whose metrics and logs the column shows. Required.</summary>
    public IFunction Function { get; set; } = null!;

    /// <summary>
    /// The alias that carries provisioned concurrency (its metrics have the dimension <c>Resource = &lt;function&gt;:&lt;alias&gt;</c>).
    /// Default: none (the provisioned-concurrency row shows that the variant has none).
    /// </summary>
    public string? AliasName { get; set; }

    /// <summary>
    /// Provisioned environments kept on <see cref="AliasName"/>, for the cost estimate (with autoscaling, the minimum).
    /// Default: 0 (on-demand prices only).
    /// </summary>
    public double? ProvisionedConcurrency { get; set; }

    /// <summary>
    /// The log group the function writes to. Default: <c>/aws/lambda/&lt;function name&gt;</c>, Lambda's own group.
    /// </summary>
    public string? LogGroupName { get; set; }

    /// <summary>
    /// Memory in MB, for the cost estimate. Default: the function's <c>MemorySize</c> when it is a <see cref="Function"/>
    /// of this app, else 128 (Lambda's default).
    /// </summary>
    public double? MemorySize { get; set; }

    /// <summary>
    /// Architecture, for the cost estimate (each has its own prices in <see cref="LambdaPricing"/>).
    /// Default: the function's architecture.
    /// </summary>
    public Architecture? Architecture { get; set; }

    /// <summary>
    /// The log format the function writes (Lambda's <c>Text</c> or <c>JSON</c>); the column's Logs Insights queries are
    /// written for it. Default: the function's own (<c>LoggingFormat</c>, i.e. its <c>LoggingConfig.LogFormat</c>, read
    /// when the dashboard is created) when it is a <see cref="Function"/> of this app; otherwise, or when that is a
    /// token, queries that read both formats.
    /// </summary>
    public LoggingFormat? LoggingFormat { get; set; }

    /// <summary>
    /// Whether the function uses SnapStart: the column then shows its restores, Restore Duration and their cost, and the
    /// snapshot cache in its cost line. Default: whether the function's <c>SnapStart</c> property applies to published
    /// versions, when it is a <see cref="Function"/> of this app; otherwise false.
    /// </summary>
    public bool? SnapStart { get; set; }

    /// <summary>One line shown under the column's title (markdown). Default: none.</summary>
    public string? Description { get; set; }
}
