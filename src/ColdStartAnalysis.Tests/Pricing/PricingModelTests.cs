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
        Assert.Equal(1.9500035, estimate.Total!.Value, Precision);
        Assert.Equal(10_000, estimate.ColdStartsPerMonth, Precision);
        Assert.Equal(0, estimate.ProvisionedCost);
        Assert.Null(estimate.Utilisation);
    }

    [Fact]
    public void Init_is_free_when_not_billed()
    {
        var estimate = new PricingModel { InitBilled = false }.Estimate(OneGbProfile, StrategyKind.OnDemand);

        Assert.Equal(0, estimate.InitCost);
        Assert.Equal(1.86667, estimate.Total!.Value, Precision);         // 0.20 + 1.66667
    }

    [Fact]
    public void Arm64_uses_its_own_published_prices_and_the_same_request_price()
    {
        var estimate = new PricingModel { Architecture = Architecture.Arm64 }.Estimate(OneGbProfile, StrategyKind.OnDemand);

        Assert.Equal(0.20, estimate.RequestCost, Precision);
        Assert.Equal(1.33334, estimate.DurationCost, Precision);         // 1e6 * 0.1 s * 1 GB * 0.0000133334 (not 0.8 x 1.66667 = 1.333336)
        Assert.Equal(0.066667, estimate.InitCost, Precision);            // 1e4 * 0.5 s * 1 GB * 0.0000133334
        Assert.Equal(1.600007, estimate.Total!.Value, Precision);
    }

    [Fact]
    public void Arm64_provisioned_concurrency_uses_the_arm64_provisioned_prices()
    {
        var model = new PricingModel { Architecture = Architecture.Arm64, MonthlyRequests = 10_000_000, ProvisionedConcurrency = 2 };
        var profile = new WorkloadProfile(
            MemoryMb: 2048, MeanBilledDurationMs: 200, OnDemandInitRate: 0.002, MeanInitDurationMs: 800, SpilloverFraction: 0.1);

        var estimate = model.Estimate(profile, StrategyKind.ProvisionedConcurrency);

        Assert.Equal(35.0407008, estimate.ProvisionedCost, Precision);   // 2 * 730 h * 3600 s * 2 GB * 0.0000033334
        Assert.Equal(28.00008, estimate.ProvisionedDurationCost, Precision); // 9e6 * 0.2 s * 2 GB * 0.0000077778
        Assert.Equal(5.33336, estimate.DurationCost, Precision);         // 1e6 spillover * 0.2 s * 2 GB * 0.0000133334
        Assert.Equal(0.4266688, estimate.InitCost, Precision);           // 2e4 cold starts * 0.8 s * 2 GB * 0.0000133334
        Assert.Equal(70.8008096, estimate.Total!.Value, Precision);      // + 2.00 requests
        Assert.Equal(2, estimate.ProvisionedConcurrency);
    }

    [Fact]
    public void Custom_prices_apply_only_to_their_architecture()
    {
        var model = new PricingModel { X86_64Prices = GbSecondPrices.X86_64List with { OnDemand = 0.00002 } };

        Assert.Equal(2.0, model.Estimate(OneGbProfile, StrategyKind.OnDemand).DurationCost, Precision);          // 1e6 * 0.1 s * 1 GB * 0.00002
        Assert.Equal(1.33334, (model with { Architecture = Architecture.Arm64 }).Estimate(OneGbProfile, StrategyKind.OnDemand).DurationCost, Precision);
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
        Assert.Equal(88.0002848, estimate.Total!.Value, Precision);
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
    public void Break_even_utilisation_is_about_sixty_percent_with_the_list_prices_of_either_architecture()
    {
        Assert.Equal(0.0000041667 / 0.0000069445, new PricingModel().BreakEvenUtilisation, 9);                                   // x86_64
        Assert.Equal(0.0000033334 / 0.0000055556, new PricingModel { Architecture = Architecture.Arm64 }.BreakEvenUtilisation, 9); // arm64
        Assert.Equal(0.6, new PricingModel { Architecture = Architecture.Arm64 }.BreakEvenUtilisation, 4);
        Assert.Equal(0.5, new PricingModel { X86_64Prices = new GbSecondPrices(0.000003, 0.000001, 0.000001) }.BreakEvenUtilisation, 9);
    }

    [Fact]
    public void Provisioned_never_pays_off_when_its_duration_price_is_not_lower()
    {
        var model = new PricingModel { X86_64Prices = GbSecondPrices.X86_64List with { ProvisionedDuration = GbSecondPrices.X86_64List.OnDemand } };

        Assert.Equal(double.PositiveInfinity, model.BreakEvenUtilisation);
    }

    [Fact]
    public void Snapstart_adds_the_snapshot_cache_restores_and_billed_restore_duration()
    {
        // 1 GB, 100 ms per request, no INIT per request; 2% of requests restore, billed 150 ms each.
        var profile = OneGbProfile with { OnDemandInitRate = 0, RestoreRate = 0.02, MeanBilledRestoreDurationMs = 150 };

        var estimate = new PricingModel().Estimate(profile, StrategyKind.SnapStart);

        Assert.Equal(0.20, estimate.RequestCost, Precision);
        Assert.Equal(1.66667, estimate.DurationCost, Precision);         // 1e6 * 0.1 s * 1 GB * 0.0000166667
        Assert.Equal(0, estimate.InitCost);
        Assert.Equal(20_000, estimate.RestoresPerMonth, Precision);      // 1e6 * 0.02
        Assert.Equal(2.795996, estimate.RestoreCost, Precision);         // 2e4 restores * 1 GB * 0.0001397998
        Assert.Equal(0.0500001, estimate.RestoreDurationCost!.Value, Precision); // 2e4 * 0.15 s * 1 GB * 0.0000166667
        Assert.Equal(3.9540888, estimate.SnapshotCacheCost, Precision);  // 730 h * 3600 s * 1 GB * 0.0000015046
        Assert.Equal(8.6667549, estimate.Total!.Value, Precision);
        Assert.Equal(0, estimate.ProvisionedCost);
        Assert.Null(estimate.Utilisation);
    }

    [Theory]
    [InlineData(100, 0.541656)]   // 100 h * 3600 s * 1 GB * 0.0000015046
    [InlineData(1, 0.01624968)]   // billed for the 3-hour minimum: 3 h * 3600 s * 1 GB * 0.0000015046
    [InlineData(0, 0.01624968)]
    public void The_snapshot_cache_is_billed_for_the_active_hours_and_at_least_three(double activeHours, double expected)
    {
        var estimate = new PricingModel { SnapStartActiveHours = activeHours }.Estimate(OneGbProfile with { RestoreRate = 0 }, StrategyKind.SnapStart);

        Assert.Equal(expected, estimate.SnapshotCacheCost, Precision);
    }

    [Fact]
    public void Restores_without_a_billed_restore_duration_leave_that_charge_and_the_total_unknown()
    {
        var estimate = new PricingModel().Estimate(OneGbProfile with { RestoreRate = 0.02, MeanBilledRestoreDurationMs = null }, StrategyKind.SnapStart);

        Assert.Null(estimate.RestoreDurationCost);
        Assert.Null(estimate.Total);
        Assert.Equal(2.795996, estimate.RestoreCost, Precision);         // still known: restores * GB * price
    }

    [Fact]
    public void Snapstart_prices_are_configurable()
    {
        var model = new PricingModel { SnapshotCachePricePerGbSecond = 0.000001, RestorePricePerGb = 0.0001, SnapStartActiveHours = 10 };

        var estimate = model.Estimate(OneGbProfile with { RestoreRate = 0.01, MeanBilledRestoreDurationMs = 100 }, StrategyKind.SnapStart);

        Assert.Equal(0.036, estimate.SnapshotCacheCost, Precision);      // 10 h * 3600 s * 1 GB * 0.000001
        Assert.Equal(1.0, estimate.RestoreCost, Precision);              // 1e4 restores * 1 GB * 0.0001
    }

    [Fact]
    public void A_strategy_s_own_provisioned_concurrency_overrides_the_default()
    {
        var model = new PricingModel { ProvisionedConcurrencyByStrategy = new Dictionary<string, int> { ["big"] = 3 } };

        Assert.Equal(3, model.ProvisionedConcurrencyOf("big"));
        Assert.Equal(1, model.ProvisionedConcurrencyOf("small"));
        Assert.Equal(32.8502628, model.Estimate(OneGbProfile, StrategyKind.ProvisionedConcurrency, 3).ProvisionedCost, Precision); // 3 * 730 h * 3600 s * 1 GB * 0.0000041667
    }

    [Theory]
    [InlineData(nameof(PricingModel.MonthlyRequests), "MonthlyRequests must be a whole number from 0 to 1,000,000,000,000. Found 1E+30.")]
    [InlineData(nameof(PricingModel.MemoryMb), "MemoryMb must be a whole number of MB from 128 to 10,240. Found 64.")]
    [InlineData(nameof(PricingModel.SpilloverFraction), "SpilloverFraction must be a fraction from 0 to 1. Found 1.5.")]
    [InlineData(nameof(PricingModel.ProvisionedConcurrency), "ProvisionedConcurrency must be a whole number from 1 to 100,000. Found 0.")]
    [InlineData("X86_64Prices.OnDemand", "X86_64Prices.OnDemand must be a price in USD from 0 to 1. Found NaN.")]
    [InlineData("Arm64Prices.Provisioned", "Arm64Prices.Provisioned must be a price in USD from 0 to 1. Found -0.1.")]
    [InlineData(nameof(PricingModel.RestorePricePerGb), "RestorePricePerGb must be a price in USD from 0 to 1. Found Infinity.")]
    [InlineData(nameof(PricingModel.SnapStartActiveHours), "SnapStartActiveHours must be a number of hours (at most the hours per month) from 0 to 730. Found 800.")]
    [InlineData(nameof(PricingModel.HoursPerMonth), "HoursPerMonth must be more than 0 and at most 744. Found 0.")]
    [InlineData(nameof(PricingModel.ProvisionedConcurrencyByStrategy), "ProvisionedConcurrencyByStrategy must be a whole number (strategy 'pc') from 1 to 100,000. Found -2.")]
    public void Invalid_values_are_rejected_naming_the_property_what_it_accepts_and_the_value(string property, string message)
    {
        var model = property switch
        {
            nameof(PricingModel.MonthlyRequests) => new PricingModel { MonthlyRequests = 1e30 },
            nameof(PricingModel.MemoryMb) => new PricingModel { MemoryMb = 64 },
            nameof(PricingModel.SpilloverFraction) => new PricingModel { SpilloverFraction = 1.5 },
            nameof(PricingModel.ProvisionedConcurrency) => new PricingModel { ProvisionedConcurrency = 0 },
            "X86_64Prices.OnDemand" => new PricingModel { X86_64Prices = GbSecondPrices.X86_64List with { OnDemand = double.NaN } },
            "Arm64Prices.Provisioned" => new PricingModel { Arm64Prices = GbSecondPrices.Arm64List with { Provisioned = -0.1 } },
            nameof(PricingModel.RestorePricePerGb) => new PricingModel { RestorePricePerGb = double.PositiveInfinity },
            nameof(PricingModel.SnapStartActiveHours) => new PricingModel { SnapStartActiveHours = 800 },
            nameof(PricingModel.HoursPerMonth) => new PricingModel { HoursPerMonth = 0 },
            _ => new PricingModel { ProvisionedConcurrencyByStrategy = new Dictionary<string, int> { ["pc"] = -2 } },
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Estimate(OneGbProfile, StrategyKind.OnDemand));

        Assert.Equal(property, error.ParamName);
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Fractional_requests_are_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PricingModel { MonthlyRequests = 1.5 }.Validate());

        Assert.StartsWith("MonthlyRequests must be a whole number from 0 to 1,000,000,000,000. Found 1.5.", error.Message);
    }
}
