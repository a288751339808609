using ColdStart.Analysis.Comparison;
using ColdStart.Analysis.Pricing;
using Xunit;

namespace ColdStart.Analysis.Tests.Comparison;

// The logs are described in StrategyLogs; every expectation below is worked out by hand from them.
public sealed class StrategyComparisonTests
{
    private const int Precision = 6;

    private static ParseResult Parse(string name, string text) => LogParser.Parse([LogSource.FromText(name, text)]);

    private static StrategyComparison Build(PricingModel? pricing = null, IReadOnlyDictionary<string, StrategyKind>? kinds = null) =>
        StrategyComparison.Build(
            [("lazy", Parse("lazy.log", StrategyLogs.Lazy())), ("prewarmed", Parse("pc.log", StrategyLogs.Prewarmed()))],
            pricing ?? new PricingModel(),
            kinds);

    [Fact]
    public void Latency_figures_come_from_the_report_lines()
    {
        var lazy = Build().Strategies[0];

        Assert.Equal("lazy", lazy.Name);
        Assert.Equal(5, lazy.Invocations);
        Assert.Equal(2, lazy.ColdInvocations);
        Assert.Equal(0.4, lazy.ColdStartRate);
        Assert.Equal(150.4, lazy.InitDurationMs.P50);
        Assert.Equal(170.6, lazy.InitDurationMs.P90);
        Assert.Equal(170.6, lazy.FirstInvocationLatencyMs.P50!.Value, Precision); // 20.2 + 150.4
        Assert.Equal(200.7, lazy.FirstInvocationLatencyMs.Max!.Value, Precision); // 30.1 + 170.6
        Assert.Equal(3.5, lazy.WarmDurationMs.P50);                               // of 2.5, 3.5, 4.5
    }

    [Fact]
    public void Import_cost_is_split_into_init_phase_and_lazy()
    {
        var (lazy, prewarmed) = (Build().Strategies[0], Build().Strategies[1]);

        Assert.Equal(3.0, lazy.InitImportMs.P50);
        Assert.Equal(5.0, lazy.LazyImportMs.P50);  // boto3 in the handler: 5 and 7 ms
        Assert.Equal(7.0, lazy.LazyImportMs.P90);
        Assert.Equal(8.0, prewarmed.InitImportMs.P50); // boto3 moved to module level
        Assert.Equal(0.0, prewarmed.LazyImportMs.P50);
    }

    [Fact]
    public void Strategy_kind_follows_the_init_types_unless_forced()
    {
        var detected = Build();
        var forced = Build(kinds: new Dictionary<string, StrategyKind> { ["prewarmed"] = StrategyKind.OnDemand });

        Assert.Equal(StrategyKind.OnDemand, detected.Strategies[0].Kind);
        Assert.Equal(StrategyKind.ProvisionedConcurrency, detected.Strategies[1].Kind);
        Assert.Equal([new("on-demand", 1), new("provisioned-concurrency", 1)], detected.Strategies[1].ProfilesByInitType);
        Assert.Equal(StrategyKind.OnDemand, forced.Strategies[1].Kind);
        Assert.Equal(0, forced.Strategies[1].MonthlyCost!.ProvisionedCost);
    }

    [Fact]
    public void Priced_on_demand_a_provisioned_environment_counts_as_an_on_demand_cold_start()
    {
        var forced = Build(kinds: new Dictionary<string, StrategyKind> { ["prewarmed"] = StrategyKind.OnDemand });

        // Without provisioned concurrency, environment C's INIT (140 ms, from INIT_REPORT) would be billed
        // too: 2 INITs (140, 160 ms) in 5 requests.
        Assert.Equal(new WorkloadProfile(512, 4.4, 0.4, 150, 1.0), forced.Strategies[1].Workload);
    }

    [Fact]
    public void On_demand_strategy_is_priced_from_its_measured_workload()
    {
        var lazy = Build().Strategies[0];

        // Billed ms per request: 21, 3, 31, 4, 5 -> 12.8; INIT 151 and 171 -> 161 on 2 of 5 requests.
        Assert.Equal(new WorkloadProfile(512, 12.8, 0.4, 161, 1.0), lazy.Workload); // every request ran on demand
        var cost = lazy.MonthlyCost!;
        Assert.Equal(0.10666688, cost.DurationCost, Precision); // 1e6 * 0.0128 s * 0.5 GB * 0.0000166667
        Assert.Equal(0.53666774, cost.InitCost, Precision);     // 4e5 * 0.161 s * 0.5 GB * 0.0000166667
        Assert.Equal(0.84333462, cost.Total, Precision);        // + 0.20 requests
    }

    [Fact]
    public void Provisioned_strategy_measures_its_spillover_from_on_demand_environments()
    {
        var prewarmed = Build().Strategies[1];

        // Billed ms: 9, 1, 1, 1 (provisioned) and 10 (spillover) -> 4.4; 1 of 5 requests spilled over.
        Assert.Equal(new WorkloadProfile(512, 4.4, 0.2, 160, 0.2), prewarmed.Workload);
        var cost = prewarmed.MonthlyCost!;
        Assert.Equal(5.4750438, cost.ProvisionedCost, Precision);           // 730 h * 3600 s * 0.5 GB * 0.0000041667
        Assert.Equal(0.017111072, cost.ProvisionedDurationCost, Precision); // 8e5 * 0.0044 s * 0.5 GB * 0.0000097222
        Assert.Equal(0.007333348, cost.DurationCost, Precision);            // 2e5 * 0.0044 s * 0.5 GB * 0.0000166667
        Assert.Equal(0.2666672, cost.InitCost, Precision);                  // 2e5 * 0.16 s * 0.5 GB * 0.0000166667
        Assert.Equal(5.96615542, cost.Total, Precision);
        Assert.Equal(3520.0 / 2_628_000, cost.Utilisation!.Value, Precision);
    }

    [Fact]
    public void Strategies_without_reports_are_shown_but_not_priced()
    {
        var raw = "import time: self [us] | cumulative | imported package\nimport time:      1000 |       1000 | json\n";

        var comparison = StrategyComparison.Build([("local", Parse("local.txt", raw))], new PricingModel());

        Assert.Equal(1, comparison.Strategies[0].ColdStartProfiles);
        Assert.Null(comparison.Strategies[0].MonthlyCost);
        Assert.Null(comparison.Strategies[0].ColdStartRate);
    }

    [Fact]
    public void Duplicate_names_are_rejected_naming_the_strategy()
    {
        var result = Parse("lazy.log", StrategyLogs.Lazy());

        var error = Assert.Throws<ArgumentException>(() => StrategyComparison.Build([("a", result), ("a", result)], new PricingModel()));

        Assert.Contains("'a' twice", error.Message);
    }
}
