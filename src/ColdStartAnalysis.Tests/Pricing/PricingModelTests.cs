using ColdStart.Analysis.Pricing;
using Xunit;

namespace ColdStart.Analysis.Tests.Pricing;

// Expected dollars are worked out by hand in the comments from the us-east-1 list prices.
public sealed class PricingModelTests
{
    private const int Precision = 6;

    // 1 GB, 100 ms per request, 1% of requests start with a 500 ms INIT.
    private static readonly WorkloadProfile OneGbProfile = new(
        MemoryMb: 1024, MeanBilledDurationMs: 100, OnDemandInitRate: 0.01, MeanInitDurationMs: 500, SpilloverFraction: 0);

    [Fact]
    public void OnDemand_bills_requests_duration_and_init()
    {
        var estimate = new PricingModel().Estimate(OneGbProfile, StrategyKind.OnDemand);

        Assert.Equal(0.20, estimate.RequestCost, Precision);             // 1e6 / 1e6 * 0.20
        Assert.Equal(1.66667, estimate.DurationCost, Precision);         // 1e6 * 0.1 s * 1 GB * 0.0000166667
        Assert.Equal(0.0833335, estimate.InitCost, Precision);           // 1e4 cold starts * 0.5 s * 1 GB * 0.0000166667
        Assert.Equal(1.9500035, estimate.Total, Precision);
        Assert.Equal(10_000, estimate.ColdStartsPerMonth, Precision);
        Assert.Equal(0, estimate.ProvisionedCost);
        Assert.Null(estimate.Utilisation);
    }

    [Fact]
    public void Init_is_free_when_not_billed()
    {
        var estimate = new PricingModel { InitBilled = false }.Estimate(OneGbProfile, StrategyKind.OnDemand);

        Assert.Equal(0, estimate.InitCost);
        Assert.Equal(1.86667, estimate.Total, Precision);                // 0.20 + 1.66667
    }

    [Fact]
    public void Arm64_discounts_gigabyte_seconds_but_not_requests()
    {
        var estimate = new PricingModel { Architecture = Architecture.Arm64 }.Estimate(OneGbProfile, StrategyKind.OnDemand);

        Assert.Equal(0.20, estimate.RequestCost, Precision);
        Assert.Equal(1.333336, estimate.DurationCost, Precision);        // 1.66667 * 0.8
        Assert.Equal(0.0666668, estimate.InitCost, Precision);           // 0.0833335 * 0.8
        Assert.Equal(1.6000028, estimate.Total, Precision);
    }

    [Fact]
    public void Provisioned_bills_always_on_capacity_provisioned_duration_and_on_demand_spillover()
    {
        var model = new PricingModel { MonthlyRequests = 10_000_000, ProvisionedConcurrency = 2 };
        var profile = new WorkloadProfile(
            MemoryMb: 2048, MeanBilledDurationMs: 200, OnDemandInitRate: 0.002, MeanInitDurationMs: 800, SpilloverFraction: 0.1);

        var estimate = model.Estimate(profile, StrategyKind.ProvisionedConcurrency);

        Assert.Equal(2.0, estimate.RequestCost, Precision);              // 10 * 0.20
        Assert.Equal(43.8003504, estimate.ProvisionedCost, Precision);   // 2 * 730 h * 3600 s * 2 GB * 0.0000041667
        Assert.Equal(34.99992, estimate.ProvisionedDurationCost, Precision); // 9e6 * 0.2 s * 2 GB * 0.0000097222
        Assert.Equal(6.66668, estimate.DurationCost, Precision);         // 1e6 spillover * 0.2 s * 2 GB * 0.0000166667
        Assert.Equal(0.5333344, estimate.InitCost, Precision);           // 2e4 cold starts * 0.8 s * 2 GB * 0.0000166667
        Assert.Equal(88.0002848, estimate.Total, Precision);
        Assert.Equal(1_800_000.0 / 5_256_000.0, estimate.Utilisation!.Value, Precision); // busy s / provisioned s
    }

    [Fact]
    public void Options_override_the_measured_memory_and_spillover()
    {
        var model = new PricingModel { MemoryMb = 512, SpilloverFraction = 0 };
        var profile = OneGbProfile with { SpilloverFraction = 0.5, OnDemandInitRate = 0 };

        var estimate = model.Estimate(profile, StrategyKind.ProvisionedConcurrency);

        Assert.Equal(0.5, estimate.MemoryGb);
        Assert.Equal(0, estimate.DurationCost);                           // nothing spills over
        Assert.Equal(0.48611, estimate.ProvisionedDurationCost, Precision);   // 1e6 * 0.1 s * 0.5 GB * 0.0000097222
        Assert.Equal(5.4750438, estimate.ProvisionedCost, Precision);    // 730 h * 3600 s * 0.5 GB * 0.0000041667
    }

    [Fact]
    public void Break_even_utilisation_is_about_sixty_percent_with_list_prices()
    {
        // 0.0000041667 / (0.0000166667 - 0.0000097222)
        Assert.Equal(0.6, new PricingModel().BreakEvenUtilisation, 4);
        Assert.Equal(0.6, new PricingModel { Architecture = Architecture.Arm64 }.BreakEvenUtilisation, 4);
        Assert.Equal(0.5, new PricingModel { ProvisionedPricePerGbSecond = 0.000001, OnDemandPricePerGbSecond = 0.000003, ProvisionedDurationPricePerGbSecond = 0.000001 }.BreakEvenUtilisation, 9);
    }

    [Fact]
    public void Provisioned_never_pays_off_when_its_duration_price_is_not_lower()
    {
        var model = new PricingModel { ProvisionedDurationPricePerGbSecond = PricingModel.DefaultOnDemandPricePerGbSecond };

        Assert.Equal(double.PositiveInfinity, model.BreakEvenUtilisation);
    }

    [Theory]
    [InlineData(nameof(PricingModel.MonthlyRequests), "-5")]
    [InlineData(nameof(PricingModel.MemoryMb), "64")]
    [InlineData(nameof(PricingModel.SpilloverFraction), "1.5")]
    [InlineData(nameof(PricingModel.ProvisionedConcurrency), "-1")]
    [InlineData(nameof(PricingModel.OnDemandPricePerGbSecond), "NaN")]
    public void Invalid_values_are_rejected_naming_the_property_and_value(string property, string value)
    {
        var model = property switch
        {
            nameof(PricingModel.MonthlyRequests) => new PricingModel { MonthlyRequests = -5 },
            nameof(PricingModel.MemoryMb) => new PricingModel { MemoryMb = 64 },
            nameof(PricingModel.SpilloverFraction) => new PricingModel { SpilloverFraction = 1.5 },
            nameof(PricingModel.ProvisionedConcurrency) => new PricingModel { ProvisionedConcurrency = -1 },
            _ => new PricingModel { OnDemandPricePerGbSecond = double.NaN },
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Estimate(OneGbProfile, StrategyKind.OnDemand));

        Assert.Equal(property, error.ParamName);
        Assert.Contains($"Found {value}", error.Message);
    }
}
