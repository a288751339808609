using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using ColdStart.Constructs.Tests.Support;
using Xunit;

namespace ColdStart.Constructs.Tests.Comparison;

/// <summary>Every comparison that cannot work fails at synth, naming the property and the value.</summary>
public class ComparisonValidationTests
{
    private static string ErrorFor(Action<ColdStartComparisonProps> configure)
    {
        var error = Assert.Throws<ColdStartConfigurationException>(() => ComparisonStacks.Build(ComparisonStacks.ThreeVariants(configure)));
        Assert.StartsWith("Test/Comparison: `", error.Message);
        return error.Message;
    }

    [Fact]
    public void Fewer_than_two_variants()
    {
        Assert.Contains("`Variants` must list at least two variants to compare. Found: 1 variant.",
            ErrorFor(p => p.Variants = [ComparisonVariant.Lazy()]));
        Assert.Contains("`Variants` must list at least two variants to compare. Found: 0 variants.",
            ErrorFor(p => p.Variants = []));
    }

    [Fact]
    public void More_variants_than_dashboard_columns()
    {
        var message = ErrorFor(p => p.Variants = [.. Enumerable.Range(1, ColdStartComparison.MaxVariants + 1).Select(i => ComparisonVariant.Lazy(name: $"v{i}"))]);
        Assert.Contains($"`Variants` must list at most {ColdStartComparison.MaxVariants} variants", message);
        Assert.Contains($"Found: {ColdStartComparison.MaxVariants + 1} variants.", message);
    }

    [Fact]
    public void Duplicate_variant_names_ignoring_case()
    {
        var message = ErrorFor(p => p.Variants = [ComparisonVariant.Lazy(), ComparisonVariant.PreWarmed(name: "Lazy")]);
        Assert.Contains("`Variants[1].Name` must be unique (ignoring case) in the comparison. Found: \"Lazy\".", message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("1st")]
    [InlineData("lazy=1")]
    [InlineData("a-name-that-is-far-too-long-for-a-column")]
    public void Invalid_variant_name(string name)
    {
        var message = ErrorFor(p => p.Variants = [ComparisonVariant.Lazy(), ComparisonVariant.PreWarmed(name: name)]);
        Assert.Contains($"`Variants[1].Name` must be 1-32 letters, digits, '-' or '_', starting with a letter. Found: \"{name}\".", message);
    }

    [Fact]
    public void SnapStart_before_python_3_12()
    {
        var message = ErrorFor(p => p.Function.Runtime = Runtime.PYTHON_3_11);
        Assert.Contains("`Variants[2].Strategy` needs python3.12 or newer", message);
        Assert.Contains("Found: SnapStart on python3.11.", message);
    }

    [Fact]
    public void SnapStart_with_provisioned_concurrency()
    {
        var message = ErrorFor(p => p.Variants[2].PreWarming = new PreWarmingOptions { ProvisionedConcurrency = 1 });
        Assert.Contains("`Variants[2].PreWarming` cannot be combined with SnapStart (variant \"snapstart\")", message);
    }

    [Fact]
    public void Prewarming_on_an_on_demand_variant()
    {
        var message = ErrorFor(p => p.Variants[0].PreWarming = new PreWarmingOptions { ProvisionedConcurrency = 1 });
        Assert.Contains("`Variants[0].PreWarming` is only used by Strategy PreWarmed; variant \"lazy\" is OnDemand.", message);
    }

    [Fact]
    public void Prewarming_or_snapstart_or_log_group_on_the_shared_function()
    {
        Assert.Contains("`Function.PreWarming` must be left unset",
            ErrorFor(p => p.Function.PreWarming = new PreWarmingOptions { ProvisionedConcurrency = 1 }));
        Assert.Contains("`Function.SnapStart` must be left unset",
            ErrorFor(p => p.Function.SnapStart = SnapStartConf.ON_PUBLISHED_VERSIONS));
        Assert.Contains("`Function.LogRetention` must be left unset: each variant gets its own log group",
            ErrorFor(p => p.Function.LogRetention = RetentionDays.ONE_DAY));
    }

    [Fact]
    public void Shared_log_group()
    {
        var stack = Cdk.NewStack();
        var group = new LogGroup(stack, "Shared");
        var props = ComparisonStacks.ThreeVariants(p => p.Function.LogGroup = group);

        var error = Assert.Throws<ColdStartConfigurationException>(() => new ColdStartComparison(stack, "Comparison", props));

        Assert.Contains("`Function.LogGroup` must be left unset: each variant gets its own log group", error.Message);
    }

    [Fact]
    public void No_handler_anywhere()
    {
        var message = ErrorFor(p =>
        {
            p.Function.Handler = null!;
            p.Variants[1].Handler = null;
        });
        Assert.Contains("`Variants[1].Handler` is required when `Function.Handler` is not set. Found: (not set).", message);
    }

    [Fact]
    public void Missing_shared_function()
    {
        Assert.Contains("`Function` is required", ErrorFor(p => p.Function = null!));
    }

    [Theory]
    [InlineData("OnDemandGbSecond")]
    [InlineData("ProvisionedGbSecond")]
    [InlineData("ProvisionedDurationGbSecond")]
    [InlineData("Arm64OnDemandGbSecond")]
    [InlineData("Arm64ProvisionedGbSecond")]
    [InlineData("Arm64ProvisionedDurationGbSecond")]
    [InlineData("RequestsPerMillion")]
    [InlineData("SnapshotCacheGbSecond")]
    [InlineData("RestorePerGb")]
    public void Negative_price(string property)
    {
        var pricing = new LambdaPricing();
        typeof(LambdaPricing).GetProperty(property)!.SetValue(pricing, -0.5);

        var message = ErrorFor(p => p.Pricing = pricing);

        Assert.Contains($"`Pricing.{property}` must be a non-negative price. Found: -0.5.", message);
    }

    [Fact]
    public void A_variant_handler_that_is_not_module_function_names_the_variant()
    {
        var error = Assert.Throws<ColdStartConfigurationException>(() =>
            ComparisonStacks.Build(ComparisonStacks.ThreeVariants(p => p.Variants[0].Handler = "handler")));
        Assert.StartsWith("Test/Comparison/lazy: `Handler` must name a Python function", error.Message);
    }
}
