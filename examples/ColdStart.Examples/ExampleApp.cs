using Amazon.CDK;
using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.Logs;
using ColdStart.Constructs;
using Constructs;

namespace ColdStart.Examples;

/// <summary>
/// Two stages of the same service. <c>Dev</c> profiles every cold start; <c>Prod</c> turns profiling off with one
/// switch (the <c>coldstart:profiling</c> context key on the stage) and pre-warms the eager variant with autoscaling.
/// </summary>
public static class ExampleApp
{
    /// <summary>The folder with the Python handlers, as an absolute path (CDK resolves relative asset paths against node's directory).</summary>
    public static string HandlerDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "handler");

    /// <summary>The handlers as a Lambda asset; bytecode caches from local runs are left out so the asset hash is stable.</summary>
    public static Amazon.CDK.AWS.Lambda.Code HandlerCode() =>
        Amazon.CDK.AWS.Lambda.Code.FromAsset(HandlerDirectory, new Amazon.CDK.AWS.S3.Assets.AssetOptions
        {
            Exclude = ["__pycache__", "*.pyc"],
        });

    public static (Stage Dev, Stage Prod) Build(App app)
    {
        var dev = new Stage(app, "Dev");
        // Profiling follows the app-level context (cdk.json or -c coldstart:profiling=false): on by default.
        _ = new OrdersServiceStack(dev, "Orders", new OrdersServiceProps
        {
            EagerPreWarming = new PreWarmingOptions { ProvisionedConcurrency = 1 },
        });

        // Lazy loading, pre-warming and SnapStart side by side, with a dashboard (Dev: profiling on).
        _ = new OrdersComparisonStack(dev, "Comparison");

        var prod = new Stage(app, "Prod");
        prod.Node.SetContext(ColdStartContext.Profiling, false);
        prod.Node.SetContext(ColdStartContext.Production, true);
        _ = new OrdersServiceStack(prod, "Orders", new OrdersServiceProps
        {
            LogRetention = RetentionDays.THREE_MONTHS,
            EagerPreWarming = new PreWarmingOptions
            {
                ProvisionedConcurrency = 2,
                MaxCapacity = 20,
                TargetUtilization = 0.7,
                Schedules =
                [
                    new ScheduledPreWarming
                    {
                        Name = "WeekdayMorning",
                        Schedule = Schedule.Cron(new CronOptions { Hour = "7", Minute = "30", WeekDay = "MON-FRI" }),
                        MinCapacity = 5,
                    },
                    new ScheduledPreWarming
                    {
                        Name = "Evening",
                        Schedule = Schedule.Cron(new CronOptions { Hour = "20", Minute = "0" }),
                        MinCapacity = 2,
                    },
                ],
            },
        });
        return (dev, prod);
    }
}

/// <summary>What differs between the stages of <see cref="OrdersServiceStack"/>.</summary>
public sealed class OrdersServiceProps : StackProps
{
    /// <summary>Pre-warming of the eager variant. Default: none.</summary>
    public PreWarmingOptions? EagerPreWarming { get; init; }

    /// <summary>How long each function's log group keeps its events (the profiles among them). Default: two weeks.</summary>
    public RetentionDays LogRetention { get; init; } = RetentionDays.TWO_WEEKS;
}

/// <summary>The same handler twice: lazy imports on demand, and eager imports kept warm.</summary>
public sealed class OrdersServiceStack : Stack
{
    public OrdersServiceStack(Construct scope, string id, OrdersServiceProps props) : base(scope, id, props)
    {
        Lazy = Variant("Lazy", "app_lazy.handler", "lazy loading: heavy imports inside the handler", preWarming: null, props.LogRetention);
        Eager = Variant("Eager", "app_eager.handler", "eager loading: imports at init, pre-warmed", props.EagerPreWarming, props.LogRetention);
    }

    public ImportTimeProfiledFunction Lazy { get; }

    public ImportTimeProfiledFunction Eager { get; }

    private ImportTimeProfiledFunction Variant(
        string id, string handler, string strategy, PreWarmingOptions? preWarming, RetentionDays logRetention) =>
        new(this, id, new ImportTimeProfiledFunctionProps
        {
            // Lambda's default log group cannot be given a retention from CDK: an own one can.
            LogGroup = new LogGroup(this, $"{id}Logs", new LogGroupProps { Retention = logRetention }),
            Code = ExampleApp.HandlerCode(),
            Handler = handler,
            MemorySize = 512,
            Timeout = Duration.Seconds(10),
            Description = $"Orders API, {strategy}",
            PreWarming = preWarming,
        });
}

/// <summary>The lazy, pre-warmed and SnapStart strategies side by side, with a dashboard and saved Logs Insights queries.</summary>
public sealed class OrdersComparisonStack : Stack
{
    public OrdersComparisonStack(Construct scope, string id, IStackProps? props = null) : base(scope, id, props)
    {
        Comparison = new ColdStartComparison(this, "Orders", new ColdStartComparisonProps
        {
            Function = new ImportTimeProfiledFunctionProps
            {
                Code = ExampleApp.HandlerCode(),
                Handler = "app_lazy.handler",
                MemorySize = 512,
                Timeout = Duration.Seconds(10),
                Description = "Orders API strategy comparison",
            },
            Variants =
            [
                ComparisonVariant.Lazy("app_lazy.handler"),
                ComparisonVariant.PreWarmed("app_eager.handler", new PreWarmingOptions { ProvisionedConcurrency = 1, MaxCapacity = 2 }),
                ComparisonVariant.SnapStart("app_eager.handler"),
            ],
            LogRetention = RetentionDays.TWO_WEEKS,
        });
    }

    public ColdStartComparison Comparison { get; }
}
