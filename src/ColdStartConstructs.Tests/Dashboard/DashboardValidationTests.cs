using Amazon.CDK.AWS.Lambda;
using ColdStart.Constructs.Tests.Support;
using Xunit;

namespace ColdStart.Constructs.Tests.Dashboard;

/// <summary>Every dashboard configuration that cannot work fails at synth, naming the property and the value.</summary>
public class DashboardValidationTests
{
    private static string ErrorFor(Func<IFunction, DashboardVariant[]> variants, Action<ColdStartDashboardProps>? configure = null)
    {
        var stack = Cdk.NewStack();
        var fn = Function.FromFunctionName(stack, "Fn", "orders");
        var props = new ColdStartDashboardProps { Variants = variants(fn) };
        configure?.Invoke(props);
        var error = Assert.Throws<ColdStartConfigurationException>(() => new ColdStartDashboard(stack, "Board", props));
        Assert.StartsWith("Test/Board: `", error.Message);
        return error.Message;
    }

    private static DashboardVariant Column(IFunction fn, string label = "orders") => new() { Label = label, Function = fn };

    [Fact]
    public void No_variants()
    {
        Assert.Contains("`Variants` must list at least one variant. Found: 0 variants.", ErrorFor(_ => []));
    }

    [Fact]
    public void More_columns_than_fit()
    {
        var message = ErrorFor(fn => [.. Enumerable.Range(1, 7).Select(i => Column(fn, $"v{i}"))]);
        Assert.Contains("`Variants` must list at most 6 variants", message);
    }

    [Fact]
    public void Duplicate_labels()
    {
        Assert.Contains("`Variants[1].Label` must be unique (ignoring case) in the dashboard. Found: \"ORDERS\".",
            ErrorFor(fn => [Column(fn), Column(fn, "ORDERS")]));
    }

    [Fact]
    public void Invalid_label()
    {
        Assert.Contains("`Variants[0].Label` must be 1-32 letters, digits, '-' or '_', starting with a letter. Found: \"my orders\".",
            ErrorFor(fn => [Column(fn, "my orders")]));
    }

    [Fact]
    public void Missing_function()
    {
        Assert.Contains("`Variants[0].Function` is required. Found: (not set).", ErrorFor(_ => [new DashboardVariant { Label = "orders" }]));
    }

    [Fact]
    public void Provisioned_concurrency_without_an_alias()
    {
        var message = ErrorFor(fn => [new DashboardVariant { Label = "orders", Function = fn, ProvisionedConcurrency = 2 }]);
        Assert.Contains("`Variants[0].AliasName` is required when `ProvisionedConcurrency` is set", message);
    }

    [Fact]
    public void Negative_provisioned_concurrency()
    {
        Assert.Contains("`Variants[0].ProvisionedConcurrency` must not be negative. Found: -1.",
            ErrorFor(fn => [new DashboardVariant { Label = "orders", Function = fn, AliasName = "live", ProvisionedConcurrency = -1 }]));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(20000)]
    public void Memory_outside_lambda_s_range(double memory)
    {
        Assert.Contains($"`Variants[0].MemorySize` must be between 128 and 10240 (MB). Found: {memory}.",
            ErrorFor(fn => [new DashboardVariant { Label = "orders", Function = fn, MemorySize = memory }]));
    }

    [Fact]
    public void Invalid_dashboard_name()
    {
        Assert.Contains("`DashboardName` must be 1-255 letters, digits, '-' or '_'. Found: \"cold starts!\".",
            ErrorFor(fn => [Column(fn)], p => p.DashboardName = "cold starts!"));
    }

    [Fact]
    public void Negative_price()
    {
        Assert.Contains("`Pricing.ProvisionedGbSecond` must be a non-negative price. Found: -1E-05.",
            ErrorFor(fn => [Column(fn)], p => p.Pricing = new LambdaPricing { ProvisionedGbSecond = -0.00001 }));
    }
}
