using ColdStart.Analysis.Comparison;
using ColdStart.Analysis.Parsing.Internal;
using ColdStart.Analysis.Pricing;
using ColdStart.Analysis.Tests.Support;
using Xunit;
using static ColdStart.Analysis.Tests.Support.LambdaLines;

namespace ColdStart.Analysis.Tests.Comparison;

// The logs are described in StrategyLogFixtures; every expectation below is worked out by hand from them.
public sealed class StrategyComparisonTests
{
    private const int Precision = 6;

    private static ParseResult Parse(string name, string text) => LogParser.Parse([LogSource.FromText(name, text)]);

    private static StrategyComparison Build(PricingModel? pricing = null, IReadOnlyDictionary<string, StrategyKind>? kinds = null) =>
        StrategyComparison.Build(
            [("lazy", Parse("lazy.log", StrategyLogFixtures.Lazy())), ("prewarmed", Parse("pc.log", StrategyLogFixtures.Prewarmed()))],
            pricing ?? new PricingModel(),
            kinds);

    [Fact]
    public void Logs_read_streaming_give_the_figures_of_parsed_logs()
    {
        var texts = new[] { ("lazy", StrategyLogFixtures.Lazy()), ("prewarmed", StrategyLogFixtures.Prewarmed()), ("snapstart", StrategyLogFixtures.SnapStart()) };
        var pricing = new PricingModel { ProvisionedConcurrencyByStrategy = new Dictionary<string, int> { ["prewarmed"] = 3 } };

        var parsed = StrategyComparison.Build(texts.Select(t => (t.Item1, Parse(t.Item1 + ".log", t.Item2))).ToList(), pricing);
        var streamed = StrategyComparison.Build(texts.Select(t => StrategyLogs.Read(t.Item1, [LogSource.FromText(t.Item1 + ".log", t.Item2)])).ToList(), pricing);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(parsed.Strategies), System.Text.Json.JsonSerializer.Serialize(streamed.Strategies));
        Assert.Equal(2, streamed.Strategies[0].ColdStartProfiles);
    }

    [Fact]
    public void A_cold_start_folded_while_it_is_read_gives_the_figures_of_the_parsed_log()
    {
        // an init profile of twice the fold size: its roots' sums come from folded rows
        var init = Enumerable.Range(0, PathFolder.DefaultFoldAfterRows).SelectMany(i => new[]
        {
            ImportTimeText.Row(10 + (i % 5), 10 + (i % 5), 1, "_json"), ImportTimeText.Row(100, 110 + (i % 5), 0, "json"),
        });
        var text = string.Join("\n", new[] { InitStart(), Wrapper(), ImportTimeText.Header }.Concat(init)
            .Concat([Start(RequestA), ImportTimeText.Row(900, 900, 0, "boto3"), End(RequestA), Report(RequestA, 20, init: 300)])) + "\n";
        var pricing = new PricingModel();

        var parsed = StrategyComparison.Build([("enormous", Parse("enormous.log", text)), ("prewarmed", Parse("pc.log", StrategyLogFixtures.Prewarmed()))], pricing);
        var streamed = StrategyComparison.Build(
            [StrategyLogs.Read("enormous", [LogSource.FromText("enormous.log", text)]), StrategyLogs.Read("prewarmed", [LogSource.FromText("pc.log", StrategyLogFixtures.Prewarmed())])], pricing);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(parsed.Strategies), System.Text.Json.JsonSerializer.Serialize(streamed.Strategies));
        Assert.Equal(Enumerable.Range(0, PathFolder.DefaultFoldAfterRows).Sum(i => 110 + (i % 5)) / 1000.0, streamed.Strategies[0].InitImportMs.P50!.Value, Precision);
    }

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
        Assert.Equal(0.84333462, cost.Total!.Value, Precision); // + 0.20 requests
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
        Assert.Equal(5.96615542, cost.Total!.Value, Precision);
        Assert.Equal(3520.0 / 2_628_000, cost.Utilisation!.Value, Precision);
    }

    [Fact]
    public void A_provisioned_environment_s_first_invocation_is_not_a_cold_start_its_caller_waited_for()
    {
        var prewarmed = Build().Strategies[1];

        // C was initialised ahead of traffic: its first REPORT (9 ms) has no Init Duration, so nobody waited and no INIT
        // is billed for it. Only D's spillover cold start (Init Duration 160 ms) counts, as in the billed-INIT line.
        Assert.Equal(1, prewarmed.ColdInvocations);
        Assert.Equal(0.2, prewarmed.ColdStartRate);
        Assert.Equal(prewarmed.Workload!.OnDemandInitRate, prewarmed.ColdStartRate);
        Assert.Equal(1, prewarmed.PreInitialisedFirstInvocations);
        Assert.Equal(9.0, prewarmed.PreInitialisedFirstDurationMs.P50);
        Assert.Equal(170.0, prewarmed.FirstInvocationLatencyMs.P50!.Value, Precision); // 10 + 160
        Assert.Equal(1, prewarmed.FirstInvocationLatencyMs.Count);
        Assert.Equal(3, prewarmed.WarmDurationMs.Count);                               // 1, 1, 1
        Assert.Equal(140.0, prewarmed.InitDurationMs.P50);                             // C's INIT_REPORT and D's REPORT: 140, 160
        Assert.Equal(160.0, prewarmed.InitDurationMs.Max);
    }

    [Fact]
    public void Snapstart_restores_are_cold_starts_counted_and_timed_next_to_init_duration()
    {
        var snapstart = StrategyComparison.Build([("snapstart", Parse("snapstart.log", StrategyLogFixtures.SnapStart()))], new PricingModel()).Strategies[0];

        Assert.Equal(StrategyKind.SnapStart, snapstart.Kind);
        Assert.Equal([new("snap-start", 1)], snapstart.ProfilesByInitType);
        Assert.Equal(3, snapstart.Invocations);
        Assert.Equal(2, snapstart.Restores);
        Assert.Equal(2, snapstart.ColdInvocations);
        Assert.Equal(0, snapstart.PreInitialisedFirstInvocations);
        Assert.Equal(280.1, snapstart.RestoreDurationMs.P50);              // nearest rank of 280.1, 300.5
        Assert.Equal(300.5, snapstart.RestoreDurationMs.Max);
        Assert.Equal(900.0, snapstart.InitDurationMs.P50);                 // the snapshot's INIT, from INIT_REPORT
        Assert.Equal(294.1, snapstart.FirstInvocationLatencyMs.P50!.Value, Precision); // 14 + 280.1
        Assert.Equal(312.5, snapstart.FirstInvocationLatencyMs.Max!.Value, Precision); // 12 + 300.5
        Assert.Equal(2.0, snapstart.WarmDurationMs.P50);
    }

    [Fact]
    public void Snapstart_strategy_is_priced_with_its_snapshot_cache_restores_and_billed_restore_duration()
    {
        var snapstart = StrategyComparison.Build([("snapstart", Parse("snapstart.log", StrategyLogFixtures.SnapStart()))], new PricingModel()).Strategies[0];

        // Billed ms per request: 12, 2, 14 -> 28/3; 2 of 3 requests restored, billed 120 and 110 ms -> 115.
        Assert.Equal(new WorkloadProfile(512, 28.0 / 3, 0, 0, 1.0, 2.0 / 3, 115), snapstart.Workload);
        var cost = snapstart.MonthlyCost!;
        const double restores = 1e6 * 2 / 3;
        Assert.Equal(restores, cost.RestoresPerMonth, Precision);
        Assert.Equal(1e6 * (28.0 / 3 / 1000) * 0.5 * 0.0000166667, cost.DurationCost, Precision); // 0.0777779
        Assert.Equal(restores * 0.5 * 0.0001397998, cost.RestoreCost, Precision);                  // 46.5999333
        Assert.Equal(restores * 0.115 * 0.5 * 0.0000166667, cost.RestoreDurationCost!.Value, Precision); // 0.6388902
        Assert.Equal(730 * 3600 * 0.5 * 0.0000015046, cost.SnapshotCacheCost, Precision);          // 1.9770444
        Assert.Equal(0, cost.InitCost);
        Assert.Equal(0.2 + 0.0777779 + 46.5999333 + 0.6388902 + 1.9770444, cost.Total!.Value, 5);
    }

    [Fact]
    public void Each_provisioned_strategy_is_priced_with_its_own_provisioned_concurrency()
    {
        var comparison = Build(new PricingModel { ProvisionedConcurrencyByStrategy = new Dictionary<string, int> { ["prewarmed"] = 4 } });

        Assert.Equal(4, comparison.Strategies[1].MonthlyCost!.ProvisionedConcurrency);
        Assert.Equal(4 * 5.4750438, comparison.Strategies[1].MonthlyCost!.ProvisionedCost, Precision); // 4 * 730 h * 3600 s * 0.5 GB * 0.0000041667
        Assert.Null(comparison.Strategies[0].MonthlyCost!.ProvisionedConcurrency);
    }

    [Fact]
    public void A_provisioned_concurrency_for_an_unknown_strategy_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Build(new PricingModel { ProvisionedConcurrencyByStrategy = new Dictionary<string, int> { ["warm"] = 2 } }));

        Assert.Contains("'warm', which is not one of the strategies (lazy, prewarmed)", error.Message);
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
        var result = Parse("lazy.log", StrategyLogFixtures.Lazy());

        var error = Assert.Throws<ArgumentException>(() => StrategyComparison.Build([("a", result), ("a", result)], new PricingModel()));

        Assert.Contains("'a' twice", error.Message);
    }
}
