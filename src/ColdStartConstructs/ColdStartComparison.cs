using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using ColdStart.Constructs.Dashboard.Internal;
using ColdStart.Constructs.Internal;
using ColdStart.Constructs.Internal.Comparison;
using Constructs;

namespace ColdStart.Constructs;

/// <summary>
/// The same Python function deployed as named variants side by side (lazy on-demand, pre-warmed with provisioned
/// concurrency and autoscaling, SnapStart…), each an <see cref="ImportTimeProfiledFunction"/> with identical code,
/// memory, architecture, timeout and environment, its own log group and an alias to invoke; plus a
/// <see cref="ColdStartDashboard"/> and stack outputs with the commands to invoke each variant and export its logs
/// for <c>coldstart compare</c>. Profiling follows the same per-stage toggle as every profiled function.
/// </summary>
public class ColdStartComparison : Construct
{
    /// <summary>Most variants in one comparison (one dashboard column each).</summary>
    public const int MaxVariants = DashboardLayout.MaxVariants;

    /// <summary>
    /// Context key read when <see cref="ColdStartComparisonProps.RunId"/> is not set: <c>cdk deploy -c coldstart:run=2</c>
    /// publishes new versions of every variant, so each one cold-starts again.
    /// </summary>
    public const string RunContextKey = "coldstart:run";

    /// <summary>Variable set on every variant when a run id is given (prop or <see cref="RunContextKey"/>).</summary>
    public const string RunIdVariable = "COLDSTART_RUN_ID";

    /// <summary>Retention of each variant's log group unless <see cref="ColdStartComparisonProps.LogRetention"/> says otherwise.</summary>
    public const RetentionDays DefaultLogRetention = RetentionDays.TWO_WEEKS;

    /// <summary>
    /// Pre-warming of a <see cref="ColdStartStrategy.PreWarmed"/> variant that gives none: one provisioned environment
    /// on the alias <c>live</c>, autoscaling between 1 and 2 at 0.7 utilisation.
    /// </summary>
    public static PreWarmingOptions DefaultPreWarming => new() { ProvisionedConcurrency = 1, MaxCapacity = 2 };

    /// <summary>Deploys the variants, their log groups, aliases and outputs, and (by default) the dashboard.</summary>
    /// <param name="scope">The parent construct.</param>
    /// <param name="id">The construct id.</param>
    /// <param name="props">The shared function settings and the variants.</param>
    public ColdStartComparison(Construct scope, string id, ColdStartComparisonProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        ComparisonValidation.Validate(Node.Path, props);
        var logGroups = new Construct(this, "LogGroups");
        var environment = new Dictionary<string, string>(props.Function.Environment ?? new Dictionary<string, string>());
        if ((props.RunId ?? RunIdFromContext()) is { } runId)
        {
            environment[RunIdVariable] = runId;
        }

        var deployed = new List<DeployedVariant>();
        var columns = new List<DashboardVariant>();
        foreach (var variant in props.Variants)
        {
            var (deployedVariant, column) = Deploy(variant, props, environment, logGroups);
            deployed.Add(deployedVariant);
            columns.Add(column);
        }
        Variants = deployed;
        CompareCommand = CompareCommandLine.For(props, props.Variants.Select(v => (v.Name, v.Strategy, EffectivePreWarming(v))));
        _ = new CfnOutput(this, "CompareCommand", new CfnOutputProps
        {
            Value = CompareCommand,
            Description = "After exporting each variant's logs (the ExportLogsCommand outputs), compare them",
        });

        if (props.Dashboard ?? true)
        {
            Dashboard = new ColdStartDashboard(this, "Dashboard", new ColdStartDashboardProps
            {
                DashboardName = props.DashboardName,
                Pricing = props.Pricing,
                QueryFolder = $"ColdStart/{Stack.Of(this).StackName}/{id}",
                Variants = [.. columns],
            });
        }
    }

    /// <summary>The deployed variants, in the order given.</summary>
    public IReadOnlyList<DeployedVariant> Variants { get; }

    /// <summary>The dashboard; null when <see cref="ColdStartComparisonProps.Dashboard"/> is false.</summary>
    public ColdStartDashboard? Dashboard { get; }

    /// <summary>
    /// The <c>coldstart compare</c> command line for logs exported to <c>&lt;variant&gt;.json</c> (in either log format),
    /// with what the logs cannot tell it as options: the architecture, each pre-warmed variant's provisioned concurrency,
    /// how each variant is priced, and the prices set on this comparison.
    /// </summary>
    public string CompareCommand { get; }

    private (DeployedVariant Variant, DashboardVariant Column) Deploy(
        ComparisonVariant variant, ColdStartComparisonProps props, Dictionary<string, string> environment, Construct logGroups)
    {
        var shared = props.Function;
        var logGroup = new LogGroup(logGroups, variant.Name, new LogGroupProps
        {
            Retention = props.LogRetention ?? DefaultLogRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        var functionProps = PropsCopy<ImportTimeProfiledFunctionProps>.Of(shared);
        functionProps.Handler = variant.Handler ?? shared.Handler;
        functionProps.Environment = environment;
        functionProps.LogGroup = logGroup;
        functionProps.Description = $"{shared.Description ?? "ColdStart comparison"} [{variant.Name}: {StrategyText(variant.Strategy)}]";
        functionProps.LoggingFormat = variant.LoggingFormat ?? shared.LoggingFormat;
        var preWarming = EffectivePreWarming(variant);
        functionProps.PreWarming = preWarming;

        var function = new ImportTimeProfiledFunction(this, variant.Name, functionProps);
        if (variant.Strategy == ColdStartStrategy.SnapStart)
        {
            // SnapStartConf refuses Python runtimes in aws-cdk-lib 2.160; the CloudFormation property does not.
            ((CfnFunction)function.Function.Node.DefaultChild!).SnapStart = new CfnFunction.SnapStartProperty { ApplyOn = "PublishedVersions" };
        }
        // Every variant is invoked through an alias of a published version: SnapStart applies only to published
        // versions, and a new version per deploy gives every variant fresh cold starts alike.
        var alias = function.Alias ?? new Alias(function, "Alias", new AliasProps
        {
            AliasName = ImportTimeProfiledFunction.DefaultAliasName,
            Version = function.Function.CurrentVersion,
        });
        AddOutputs(function, variant.Name, alias, logGroup);

        var column = new DashboardVariant
        {
            Label = variant.Name,
            Function = function.Function,
            AliasName = alias.AliasName,
            ProvisionedConcurrency = preWarming is null ? 0 : AlwaysProvisioned(preWarming),
            LogGroupName = logGroup.LogGroupName,
            MemorySize = shared.MemorySize,
            Architecture = shared.Architecture,
            SnapStart = variant.Strategy == ColdStartStrategy.SnapStart,
            Description = $"{StrategyText(variant.Strategy)} · handler `{functionProps.Handler}`",
        };
        return (new DeployedVariant(variant.Name, variant.Strategy, function, alias, logGroup), column);
    }

    /// <summary>With autoscaling the allocation moves between min and max; the minimum is what is always paid for.</summary>
    internal static double AlwaysProvisioned(PreWarmingOptions preWarming) => preWarming.MinCapacity ?? preWarming.ProvisionedConcurrency;

    private static PreWarmingOptions? EffectivePreWarming(ComparisonVariant variant) =>
        variant.Strategy == ColdStartStrategy.PreWarmed ? variant.PreWarming ?? DefaultPreWarming : null;

    private string? RunIdFromContext() => Node.TryGetContext(RunContextKey) switch
    {
        null => null,
        string s => s,
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    private static string StrategyText(ColdStartStrategy strategy) => strategy switch
    {
        ColdStartStrategy.OnDemand => "on-demand",
        ColdStartStrategy.PreWarmed => "pre-warmed (provisioned concurrency)",
        ColdStartStrategy.SnapStart => "SnapStart",
        _ => strategy.ToString(),
    };

    private static void AddOutputs(ImportTimeProfiledFunction function, string name, Alias alias, LogGroup logGroup)
    {
        var functionName = function.Function.FunctionName;
        _ = new CfnOutput(function, "FunctionName", new CfnOutputProps
        {
            Value = functionName,
            Description = $"Variant {name}: function name",
        });
        _ = new CfnOutput(function, "Qualifier", new CfnOutputProps
        {
            Value = alias.AliasName,
            Description = $"Variant {name}: alias to invoke (--qualifier)",
        });
        _ = new CfnOutput(function, "LogGroupName", new CfnOutputProps
        {
            Value = logGroup.LogGroupName,
            Description = $"Variant {name}: log group with its REPORT and import-time lines",
        });
        _ = new CfnOutput(function, "InvokeCommand", new CfnOutputProps
        {
            Value = $"aws lambda invoke --function-name {functionName} --qualifier {alias.AliasName} " +
                $"--cli-binary-format raw-in-base64-out --payload file://event.json {name}-response.json",
            Description = $"Variant {name}: invoke it once (event.json is your test event)",
        });
        _ = new CfnOutput(function, "ExportLogsCommand", new CfnOutputProps
        {
            Value = $"aws logs filter-log-events --log-group-name {logGroup.LogGroupName} --output json > {name}.json",
            Description = $"Variant {name}: export its logs for coldstart compare",
        });
    }
}
