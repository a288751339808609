using System.Globalization;
using System.Text.Json;
using ColdStart.Analysis.Comparison;
using ColdStart.Analysis.Pricing;
using ColdStart.Analysis.Tests.Comparison;
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
        _lazy = _dir.Write("lazy.log", StrategyLogs.Lazy());
        _prewarmed = _dir.Write("pc.log", StrategyLogs.Prewarmed());
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
        Assert.Equal(0.341334, cost.GetProperty("durationCost").GetDouble(), 6);            // 2e6 * 0.0128 s * 1 GB * 0.0000166667 * 0.8
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
        Assert.Contains($"Cheapest: lazy at ${comparison.Strategies[0].MonthlyCost!.Total.ToString("0.00", CultureInfo.InvariantCulture)}/month.", run.Out);
        Assert.Matches(@"Cold-start rate\s+40\.0% \(2 of 5\)\s+40\.0% \(2 of 5\)", run.Out);
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
    [InlineData(new[] { "compare", "a=LAZY", "--spillover", "2" }, "--spillover: Spillover fraction must be between 0 and 1. Found 2.")]
    [InlineData(new[] { "compare", "a=LAZY", "--memory-mb", "64" }, "--memory-mb: Memory must be between 128 and 10240 MB. Found 64.")]
    [InlineData(new[] { "compare", "a=LAZY", "--kind", "b=provisioned" }, "--kind: 'b' is not one of the strategies")]
    [InlineData(new[] { "compare", "a=LAZY", "--kind", "a=reserved" }, "--kind: 'a=reserved' is not NAME=on-demand")]
    [InlineData(new[] { "compare", "a=LAZY", "--architecture", "mips" }, "mips")]
    [InlineData(new[] { "compare", "a=LAZY", "--format", "html" }, "html")]
    public void Usage_errors_exit_2_with_one_line(string[] args, string expected)
    {
        var run = CliRunner.Run(args.Select(a => a.Replace("LAZY", _lazy)).ToArray());

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains(expected, run.Error);
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
