using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using ColdStart.Constructs.Dashboard.Internal;
using Constructs;
using CloudWatchDashboard = Amazon.CDK.AWS.CloudWatch.Dashboard;

namespace ColdStart.Constructs;

/// <summary>
/// A CloudWatch dashboard that puts Lambda functions side by side, one column per variant: invocations, errors and
/// throttles; cold starts and Init Duration percentiles with their INIT cost (Logs Insights over the REPORT lines);
/// for SnapStart variants, restores and Restore Duration with their cost; Duration percentiles; concurrency;
/// provisioned-concurrency utilisation and spillover; an estimated cost line (metric math); the slowest imports of
/// profiled cold starts; and import rows next to the invocations' boundaries. It also saves Logs Insights queries
/// scoped to the variants' log groups. Each column's queries are written for the log format its function writes
/// (Lambda's text or JSON format). Works for any functions, profiled or not (the import widgets stay empty without
/// <see cref="ImportTimeProfiledFunction"/>'s wrapper).
/// </summary>
public class ColdStartDashboard : Construct
{
    /// <summary>Creates the dashboard and the saved queries.</summary>
    /// <param name="scope">The parent construct.</param>
    /// <param name="id">The construct id.</param>
    /// <param name="props">The variants, prices and names.</param>
    public ColdStartDashboard(Construct scope, string id, ColdStartDashboardProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        DashboardValidation.Validate(Node.Path, props);
        var variants = props.Variants.Select(ResolvedVariant.Of).ToArray();
        var prices = PriceTable.From(props.Pricing);

        Dashboard = new CloudWatchDashboard(this, "Dashboard", new Amazon.CDK.AWS.CloudWatch.DashboardProps
        {
            DashboardName = props.DashboardName,
            DefaultInterval = Duration.Hours(DefaultIntervalHours),
        });
        foreach (var row in DashboardLayout.Rows(variants, prices, props.Period ?? Duration.Minutes(DefaultPeriodMinutes)))
        {
            Dashboard.AddWidgets(row);
        }

        foreach (var variant in variants.Where(v => v.Logging.HidesReports))
        {
            Annotations.Of(this).AddWarningV2(SystemLogLevelWarningId,
                $"Variant {variant.Label}: its function's SystemLogLevel is WARN, so Lambda sends no start and report records " +
                "(they are INFO): the cold-start, Init Duration, restore and invocation widgets and queries stay empty, and " +
                "coldstart compare finds no REPORT lines. Use SystemLogLevel INFO (Lambda's default) while comparing.");
        }

        LogGroupNames = variants.Select(v => v.LogGroupName).ToArray();
        QueryDefinitions = props.SavedQueries ?? true
            ? SavedQueries.Create(this, props.QueryFolder ?? $"ColdStart/{Stack.Of(this).StackName}/{id}", variants)
            : [];
    }

    /// <summary>Id of the warning given for a variant whose system log level hides Lambda's report records.</summary>
    public const string SystemLogLevelWarningId = "coldstart:system-log-level-hides-reports";

    /// <summary>Default time range shown when the dashboard opens, in hours.</summary>
    public const int DefaultIntervalHours = 3;

    /// <summary>Default period of the metric graphs, in minutes.</summary>
    public const int DefaultPeriodMinutes = 5;

    /// <summary>The CloudWatch dashboard.</summary>
    public CloudWatchDashboard Dashboard { get; }

    /// <summary>The saved Logs Insights queries (empty when <see cref="ColdStartDashboardProps.SavedQueries"/> is false).</summary>
    public IReadOnlyList<CfnQueryDefinition> QueryDefinitions { get; }

    /// <summary>The log group of each variant, in column order.</summary>
    public IReadOnlyList<string> LogGroupNames { get; }
}
