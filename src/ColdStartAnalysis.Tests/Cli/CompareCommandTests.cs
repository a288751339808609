using System.Globalization;
using System.Text.Json;
using ColdStart.Analysis.Comparison;
using ColdStart.Analysis.Pricing;
using ColdStart.Analysis.Tests.Comparison;
using ColdStart.Analysis.Tests.Support;
using ColdStart.Cli;
using Xunit;

namespace ColdStart.Analysis.Tests.Cli;

public sealed class CompareCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _lazy;
    private readonly string _prewarmed;

    public CompareCommandTests()
    {
        _lazy = _dir.Write("lazy.log", StrategyLogFixtures.Lazy());
        _prewarmed = _dir.Write("pc.log", StrategyLogFixtures.Prewarmed());
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Json_comparison_carries_each_strategy_and_its_cost()
    {
        var run = CliRunner.Run("compare", $"lazy={_lazy}", "--strategy", $"prewarmed={_prewarmed}", "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("comparison", root.GetProperty("kind").GetString());
        Assert.Equal(0.6, root.GetProperty("breakEvenUtilisation").GetDouble(), 3);
        var strategies = root.GetProperty("strategies");
        Assert.Equal(["lazy", "prewarmed"], strategies.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("on-demand", strategies[0].GetProperty("kind").GetString());
        Assert.Equal("provisioned-concurrency", strategies[1].GetProperty("kind").GetString());
        Assert.Equal(0.4, strategies[0].GetProperty("coldStartRate").GetDouble());
        Assert.Equal(0.2, strategies[1].GetProperty("coldStartRate").GetDouble());           // the provisioned environment's first call waited for nothing
        Assert.Equal(1, strategies[1].GetProperty("coldInvocations").GetInt32());
        Assert.Equal(1, strategies[1].GetProperty("preInitialisedFirstInvocations").GetInt32());
        Assert.Equal(200_000, strategies[1].GetProperty("monthlyCostUsd").GetProperty("coldStartsPerMonth").GetDouble()); // the same 1 in 5 as the rate
        Assert.Equal(0.843335, strategies[0].GetProperty("monthlyCostUsd").GetProperty("total").GetDouble(), 6); // see StrategyComparisonTests
        Assert.Equal(5.966155, strategies[1].GetProperty("monthlyCostUsd").GetProperty("total").GetDouble(), 6);
    }

    [Fact]
    public void Pricing_options_change_the_estimate()
    {
        var run = CliRunner.Run("compare", $"lazy={_lazy}", "--format", "json",
            "--monthly-requests", "2000000", "--memory-mb", "1024", "--architecture", "arm64", "--init-billed", "false");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var cost = json.RootElement.GetProperty("strategies")[0].GetProperty("monthlyCostUsd");
        Assert.Equal(0.4, cost.GetProperty("requestCost").GetDouble(), 6);                  // 2 * 0.20
        Assert.Equal(0.341335, cost.GetProperty("durationCost").GetDouble(), 6);            // 2e6 * 0.0128 s * 1 GB * 0.0000133334 (arm64)
        Assert.Equal(0, cost.GetProperty("initCost").GetDouble());
    }

    [Fact]
    public void Kind_override_prices_a_strategy_as_provisioned()
    {
        var run = CliRunner.Run("compare", $"lazy={_lazy}", "--kind", "lazy=provisioned", "--provisioned-concurrency", "2", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        var cost = json.RootElement.GetProperty("strategies")[0].GetProperty("monthlyCostUsd");
        Assert.Equal(10.950088, cost.GetProperty("provisionedCost").GetDouble(), 6); // 2 * 730 h * 3600 s * 0.5 GB * 0.0000041667
    }

    [Fact]
    public void Text_comparison_prints_the_table_and_the_break_even_point()
    {
        var comparison = StrategyComparison.Build(
            [("lazy", LogParser.Parse([LogSource.FromFile(_lazy)])), ("prewarmed", LogParser.Parse([LogSource.FromFile(_prewarmed)]))],
            new PricingModel());

        var run = CliRunner.Run("compare", $"lazy={_lazy}", $"prewarmed={_prewarmed}");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Break-even utilisation: 60.0%", run.Out);
        Assert.Contains($"Cheapest: lazy at ${comparison.Strategies[0].MonthlyCost!.Total!.Value.ToString("0.00", CultureInfo.InvariantCulture)}/month.", run.Out);
        Assert.Matches(@"Cold-start rate\s+40\.0% \(2 of 5\)\s+20\.0% \(1 of 5\)", run.Out);
        Assert.Matches(@"Pre-initialised first invocations\s+0\s+1\n", run.Out);
        Assert.Matches(@"Billed INIT\s+\$0\.54 \(400,000 cold starts\)\s+\$0\.27 \(200,000 cold starts\)", run.Out);
    }

    [Fact]
    public void Markdown_comparison_is_a_table_with_a_column_per_strategy()
    {
        var run = CliRunner.Run("compare", $"lazy={_lazy}", $"prewarmed={_prewarmed}", "--format", "markdown");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("| | lazy | prewarmed |", run.Out);
        Assert.Contains("|---|---:|---:|", run.Out);
    }

    [Fact]
    public void Several_files_make_one_strategy()
    {
        var run = CliRunner.Run("compare", $"both={_lazy},{_prewarmed}", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(10, json.RootElement.GetProperty("strategies")[0].GetProperty("invocations").GetInt32());
    }

    [Theory]
    [InlineData(new[] { "compare" }, "no strategies given")]
    [InlineData(new[] { "compare", "lazy" }, "'lazy' is not a strategy: expected NAME=FILE")]
    [InlineData(new[] { "compare", "a=LAZY", "a=LAZY" }, "strategy 'a' is given twice")]
    [InlineData(new[] { "compare", "a=missing.log" }, "cannot read 'missing.log'")]
    [InlineData(new[] { "compare", "a=LAZY", "--spillover", "2" }, "--spillover: expected a fraction from 0 to 1; got '2'")]
    [InlineData(new[] { "compare", "a=LAZY", "--memory-mb", "64" }, "--memory-mb: expected a whole number of MB from 128 to 10,240; got '64'")]
    [InlineData(new[] { "compare", "a=LAZY", "--memory-mb", "1e30" }, "--memory-mb: expected a whole number of MB from 128 to 10,240; got '1e30'")]
    [InlineData(new[] { "compare", "a=LAZY", "--monthly-requests", "1e30" }, "--monthly-requests: expected a whole number of requests from 0 to 1,000,000,000,000; got '1e30'")]
    [InlineData(new[] { "compare", "a=LAZY", "--monthly-requests", "2.5" }, "--monthly-requests: expected a whole number of requests from 0 to 1,000,000,000,000; got '2.5'")]
    [InlineData(new[] { "compare", "a=LAZY", "--on-demand-price", "NaN" }, "--on-demand-price: expected a price in USD from 0 to 1; got 'NaN'")]
    [InlineData(new[] { "compare", "a=LAZY", "--request-price", "-0.2" }, "--request-price: expected a price in USD from 0 to 1,000; got '-0.2'")]
    [InlineData(new[] { "compare", "a=LAZY", "--restore-price", "Infinity" }, "--restore-price: expected a price in USD from 0 to 1; got 'Infinity'")]
    [InlineData(new[] { "compare", "a=LAZY", "--hours-per-month", "0" }, "--hours-per-month: expected a number of hours more than 0 and at most 744; got '0'")]
    [InlineData(new[] { "compare", "a=LAZY", "--snapstart-active-hours", "740" }, "--snapstart-active-hours: must be a number of hours (at most the hours per month) from 0 to 730. Found 740.")]
    [InlineData(new[] { "compare", "a=LAZY", "--provisioned-concurrency", "0" }, "--provisioned-concurrency: '0' is not N or NAME=N with N a whole number from 1 to 100,000.")]
    [InlineData(new[] { "compare", "a=LAZY", "--provisioned-concurrency", "a=1.5" }, "--provisioned-concurrency: 'a=1.5' is not N or NAME=N with N a whole number from 1 to 100,000.")]
    [InlineData(new[] { "compare", "a=LAZY", "--provisioned-concurrency", "b=2" }, "--provisioned-concurrency: 'b' is not one of the strategies (a).")]
    [InlineData(new[] { "compare", "a=LAZY", "--provisioned-concurrency", "a=2", "--provisioned-concurrency", "a=3" }, "--provisioned-concurrency: strategy 'a' is given twice.")]
    [InlineData(new[] { "compare", "a=LAZY", "--provisioned-concurrency", "2", "--provisioned-concurrency", "3" }, "--provisioned-concurrency: N (for every provisioned strategy) is given twice")]
    [InlineData(new[] { "compare", "a=LAZY", "--architecture", "arm64", "--on-demand-price", "0.00002" }, "--on-demand-price: is an x86_64 price, unused with --architecture arm64; give --arm64-on-demand-price instead.")]
    [InlineData(new[] { "compare", "a=LAZY", "--arm64-provisioned-price", "0.000003" }, "--arm64-provisioned-price: is an arm64 price, unused with --architecture x86_64")]
    [InlineData(new[] { "compare", "a=LAZY", "--arm64-factor", "0.8" }, "--arm64-factor: no longer accepted: arm64 is priced with its own published prices")]
    [InlineData(new[] { "compare", "a=LAZY", "--kind", "b=provisioned" }, "--kind: 'b' is not one of the strategies")]
    [InlineData(new[] { "compare", "a=LAZY", "--kind", "a=reserved" }, "--kind: 'a=reserved' is not NAME=on-demand, NAME=provisioned or NAME=snapstart.")]
    [InlineData(new[] { "compare", "a=LAZY", "--architecture", "mips" }, "--architecture: expected x86_64 or arm64; got 'mips'")]
    [InlineData(new[] { "compare", "a=LAZY", "--init-billed", "maybe" }, "--init-billed: expected true or false; got 'maybe'")]
    [InlineData(new[] { "compare", "a=LAZY", "--format", "html" }, "html")]
    public void Usage_errors_exit_2_with_one_line(string[] args, string expected)
    {
        var run = CliRunner.Run(args.Select(a => a.Replace("LAZY", _lazy)).ToArray());

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains(expected, run.Error);
    }

    [Fact]
    public void Each_prewarmed_strategy_takes_its_own_provisioned_concurrency()
    {
        var run = CliRunner.Run("compare", $"lazy={_lazy}", $"one={_prewarmed}", $"three={_prewarmed}",
            "--provisioned-concurrency", "three=3", "--provisioned-concurrency", "2", "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var strategies = json.RootElement.GetProperty("strategies");
        Assert.Equal(2, strategies[1].GetProperty("monthlyCostUsd").GetProperty("provisionedConcurrency").GetInt32());
        Assert.Equal(10.950088, strategies[1].GetProperty("monthlyCostUsd").GetProperty("provisionedCost").GetDouble(), 6); // 2 * 730 h * 3600 s * 0.5 GB * 0.0000041667
        Assert.Equal(3, strategies[2].GetProperty("monthlyCostUsd").GetProperty("provisionedConcurrency").GetInt32());
        Assert.Equal(16.425131, strategies[2].GetProperty("monthlyCostUsd").GetProperty("provisionedCost").GetDouble(), 6); // 3 * ...
        Assert.Equal(JsonValueKind.Null, strategies[0].GetProperty("monthlyCostUsd").GetProperty("provisionedConcurrency").ValueKind);
        Assert.Equal(2, json.RootElement.GetProperty("pricing").GetProperty("provisionedConcurrency").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("pricing").GetProperty("provisionedConcurrencyByStrategy").GetProperty("three").GetInt32());
    }

    [Fact]
    public void Arm64_prices_are_the_published_ones_and_configurable()
    {
        var run = CliRunner.Run("compare", $"pc={_prewarmed}", "--architecture", "arm64", "--arm64-provisioned-price", "0.000003", "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var pricing = json.RootElement.GetProperty("pricing");
        Assert.Equal(0.0000133334, pricing.GetProperty("arm64OnDemandPricePerGbSecond").GetDouble());
        Assert.Equal(0.000003, pricing.GetProperty("arm64ProvisionedPricePerGbSecond").GetDouble());
        Assert.Equal(0.0000166667, pricing.GetProperty("onDemandPricePerGbSecond").GetDouble());         // x86_64, unchanged and unused
        Assert.Equal(JsonValueKind.Null, pricing.GetProperty("arm64PriceFactor").ValueKind);
        var cost = json.RootElement.GetProperty("strategies")[0].GetProperty("monthlyCostUsd");
        Assert.Equal(3.942, cost.GetProperty("provisionedCost").GetDouble(), 6);                          // 730 h * 3600 s * 0.5 GB * 0.000003
        Assert.Equal(0.013689, cost.GetProperty("provisionedDurationCost").GetDouble(), 6);                // 8e5 * 0.0044 s * 0.5 GB * 0.0000077778
        Assert.Equal(0.000003 / (0.0000133334 - 0.0000077778), json.RootElement.GetProperty("breakEvenUtilisation").GetDouble(), 4); // arm64 prices
    }

    [Fact]
    public void Strategies_read_side_by_side_report_the_first_strategy_s_failure_as_when_read_one_by_one()
    {
        // both inputs are cut JSON exports: whichever thread fails first, the message is the first strategy's
        var cut = "{\"events\": [{\"logStreamName\": \"s\", \"timestamp\": 1, \"message\": \"START RequestId: r1 Version: 1\"}, {\"logStr";
        var first = _dir.Write("first.json", cut);
        var second = _dir.Write("second.json", cut);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var run = CliRunner.Run("compare", $"a={first}", $"b={second}");

            Assert.Equal(ExitCodes.UsageError, run.ExitCode);
            Assert.Contains("first.json", run.Error);
            Assert.DoesNotContain("second.json", run.Error);
        }
    }

    [Fact]
    public void Strategies_read_side_by_side_give_what_each_gives_alone()
    {
        var together = CliRunner.Run("compare", $"lazy={_lazy}", $"prewarmed={_prewarmed}", "--format", "json");
        var lazyAlone = CliRunner.Run("compare", $"lazy={_lazy}", "--format", "json");
        var prewarmedAlone = CliRunner.Run("compare", $"prewarmed={_prewarmed}", "--format", "json");

        using var both = JsonDocument.Parse(together.Out);
        using var lazy = JsonDocument.Parse(lazyAlone.Out);
        using var prewarmed = JsonDocument.Parse(prewarmedAlone.Out);
        Assert.Equal(lazy.RootElement.GetProperty("strategies")[0].GetRawText(), both.RootElement.GetProperty("strategies")[0].GetRawText());
        Assert.Equal(prewarmed.RootElement.GetProperty("strategies")[0].GetRawText(), both.RootElement.GetProperty("strategies")[1].GetRawText());
    }

    [Fact]
    public void Snapstart_is_priced_with_its_cache_and_restores_and_shows_restore_duration()
    {
        var snapstart = _dir.Write("snapstart.log", StrategyLogFixtures.SnapStart());

        var json = CliRunner.Run("compare", $"lazy={_lazy}", $"snapstart={snapstart}", "--snapstart-active-hours", "100", "--format", "json");
        var text = CliRunner.Run("compare", $"lazy={_lazy}", $"snapstart={snapstart}", "--snapstart-active-hours", "100");

        Assert.Equal(ExitCodes.Success, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        var strategy = document.RootElement.GetProperty("strategies")[1];
        Assert.Equal("snapstart", strategy.GetProperty("kind").GetString());
        Assert.Equal(2, strategy.GetProperty("restores").GetInt32());
        Assert.Equal(300.5, strategy.GetProperty("restoreDurationMs").GetProperty("max").GetDouble());
        var cost = strategy.GetProperty("monthlyCostUsd");
        Assert.Equal(0.270828, cost.GetProperty("snapshotCacheCost").GetDouble(), 6);                 // 100 h * 3600 s * 0.5 GB * 0.0000015046
        Assert.Equal(46.599933, cost.GetProperty("restoreCost").GetDouble(), 6);                      // 666,667 restores * 0.5 GB * 0.0001397998
        Assert.Equal(0.63889, cost.GetProperty("restoreDurationCost").GetDouble(), 5);                 // 666,667 * 0.115 s * 0.5 GB * 0.0000166667
        Assert.Equal(100, document.RootElement.GetProperty("pricing").GetProperty("snapStartActiveHours").GetDouble());
        Assert.Matches(@"SnapStart restores\s+0\s+2\n", text.Out);
        Assert.Matches(@"Restore Duration max\s+-\s+300\.5\n", text.Out);
        Assert.Matches(@"Restores\s+\$0\.00 \(0 restores\)\s+\$46\.60 \(666,667 restores\)", text.Out);
        Assert.Contains("SnapStart: snapshot cache $0.0000015046/GB-s for 100 h/month", text.Out);
    }

    [Fact]
    public void Restores_without_a_billed_restore_duration_make_the_total_unknown_in_every_format()
    {
        var log = string.Join("\n",
            "2026-11-20T09:00:00.000000+00:00 2026/11/20/[3]eeee START RequestId: r1 Version: 3",
            "2026-11-20T09:00:00.010000+00:00 2026/11/20/[3]eeee END RequestId: r1",
            "2026-11-20T09:00:00.011000+00:00 2026/11/20/[3]eeee REPORT RequestId: r1\tDuration: 12.00 ms\tBilled Duration: 12 ms\tMemory Size: 512 MB\tMax Memory Used: 60 MB\tRestore Duration: 300.50 ms") + "\n";
        var file = _dir.Write("restore.log", log);

        var json = CliRunner.Run("compare", $"snapstart={file}", "--format", "json");
        var markdown = CliRunner.Run("compare", $"snapstart={file}", "--format", "markdown");

        using var document = JsonDocument.Parse(json.Out);
        var cost = document.RootElement.GetProperty("strategies")[0].GetProperty("monthlyCostUsd");
        Assert.Equal(JsonValueKind.Null, cost.GetProperty("restoreDurationCost").ValueKind);
        Assert.Equal(JsonValueKind.Null, cost.GetProperty("total").ValueKind);
        Assert.Contains("| Billed restore duration | unknown |", markdown.Out);
        Assert.Contains("| Total | unknown |", markdown.Out);
        Assert.Contains("snapstart: its logs show SnapStart restores but no Billed Restore Duration, so that charge and the total are unknown.", markdown.Out);
    }

    [Fact]
    public void Exports_of_json_logging_functions_are_compared_like_text_ones()
    {
        // The ExportLogsCommand of a ColdStartComparison whose functions log in Lambda's JSON format.
        static string Export(IEnumerable<string> messages) => JsonSerializer.Serialize(new
        {
            events = messages.Select((m, i) => new { logStreamName = "2026/11/20/[3]cccc", timestamp = 1795165200000L + i, message = m + "\n" }),
        });
        string[] prewarmed =
        [
            Support.LambdaJsonRecords.InitStart("provisioned-concurrency"),
            .. Support.LambdaLines.InitImports(),
            Support.LambdaJsonRecords.InitReport("provisioned-concurrency", 412.5),
            Support.LambdaJsonRecords.Start(Support.LambdaLines.RequestA),
            Support.LambdaJsonRecords.RuntimeDone(Support.LambdaLines.RequestA, 8.2),
            Support.LambdaJsonRecords.Report(Support.LambdaLines.RequestA, 8.2, memorySizeMB: 512),
        ];
        var file = _dir.Write("prewarmed.json", Export(prewarmed));

        var run = CliRunner.Run("compare", $"lazy={_lazy}", $"prewarmed={file}", "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var strategy = json.RootElement.GetProperty("strategies")[1];
        Assert.Equal("provisioned-concurrency", strategy.GetProperty("kind").GetString()); // from platform.initStart's initializationType
        Assert.Equal(412.5, strategy.GetProperty("initDurationMs").GetProperty("p50").GetDouble());
        Assert.Equal(0, strategy.GetProperty("coldInvocations").GetInt32());
        Assert.Equal(1, strategy.GetProperty("preInitialisedFirstInvocations").GetInt32());
        Assert.Equal(512, strategy.GetProperty("workload").GetProperty("memoryMb").GetInt32());
    }

    [Fact]
    public void A_strategy_with_nothing_in_its_logs_exits_2()
    {
        var empty = _dir.Write("empty.log", "just output\n");

        var run = CliRunner.Run("compare", $"lazy={_lazy}", $"none={empty}");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("strategy 'none': no import-time profile and no REPORT lines", run.Error);
    }
}
