using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using ColdStart.Constructs.Tests.Support;

namespace ColdStart.Constructs.Tests.Comparison;

/// <summary>The comparisons the tests synthesise: shared settings that differ from every default, and three variants.</summary>
internal static class ComparisonStacks
{
    public static ColdStartComparisonProps ThreeVariants(Action<ColdStartComparisonProps>? configure = null)
    {
        var props = new ColdStartComparisonProps
        {
            Function = new ImportTimeProfiledFunctionProps
            {
                Code = Cdk.HandlerCode(),
                Handler = "app.handler",
                MemorySize = 512,
                Architecture = Architecture.ARM_64,
                Timeout = Duration.Seconds(10),
                Environment = new Dictionary<string, string> { ["TABLE"] = "orders" },
            },
            Variants =
            [
                ComparisonVariant.Lazy("app.lazy_handler"),
                ComparisonVariant.PreWarmed("app.eager_handler"),
                ComparisonVariant.SnapStart("app.eager_handler"),
            ],
        };
        configure?.Invoke(props);
        return props;
    }

    public static (Stack Stack, ColdStartComparison Comparison) Build(ColdStartComparisonProps props, IDictionary<string, object>? context = null)
    {
        var stack = Cdk.NewStack(context);
        return (stack, new ColdStartComparison(stack, "Comparison", props));
    }
}
