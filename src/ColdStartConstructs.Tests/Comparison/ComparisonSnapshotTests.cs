using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.Assertions;
using ColdStart.Constructs.Tests.Support;
using Xunit;

namespace ColdStart.Constructs.Tests.Comparison;

/// <summary>
/// One scrubbed JSON snapshot per comparison scenario (Snapshots/comparison-*.json, also linted by
/// <see cref="Constructs.CfnLintTests"/>). Regenerate with <c>UPDATE_SNAPSHOTS=1</c> after reviewing a difference.
/// </summary>
public class ComparisonSnapshotTests
{
    [Fact]
    public void Lazy_prewarmed_and_snapstart()
    {
        var (stack, _) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants(p => p.RunId = "1"));
        Snapshot.Match("comparison-three-variants", Template.FromStack(stack));
    }

    [Fact]
    public void Lazy_and_prewarmed_with_profiling_off_and_custom_prices()
    {
        var (stack, _) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants(p =>
        {
            p.Function.Architecture = Architecture.X86_64;
            p.Variants = [ComparisonVariant.Lazy("app.lazy_handler"), ComparisonVariant.PreWarmed("app.eager_handler", new PreWarmingOptions { ProvisionedConcurrency = 2 })];
            p.Pricing = new LambdaPricing { OnDemandGbSecond = 0.00002, RequestsPerMillion = 0.25 };
        }), new Dictionary<string, object> { [ColdStartContext.Profiling] = false });
        Snapshot.Match("comparison-profiling-off", Template.FromStack(stack));
    }

    [Fact]
    public void Lazy_prewarmed_and_snapstart_logging_in_json()
    {
        var (stack, _) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants(p =>
        {
            p.RunId = "1";
            p.Function.LoggingFormat = LoggingFormat.JSON;
            p.Pricing = new LambdaPricing { Arm64OnDemandGbSecond = 0.000013, SnapshotCacheGbSecond = 0.000002 };
        }));
        Snapshot.Match("comparison-json-logging", Template.FromStack(stack));
    }
}
