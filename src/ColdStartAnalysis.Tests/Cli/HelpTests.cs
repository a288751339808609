using ColdStart.Cli;
using Xunit;

namespace ColdStart.Analysis.Tests.Cli;

public sealed class HelpTests
{
    [Theory]
    [InlineData(new[] { "--help" }, new[] { "report", "compare" })]
    [InlineData(new[] { "report", "--help" }, new[] { "FILES", "--top", "--max-depth", "--min-ms", "--module", "--split-after", "--handler", "--format", "--output", "--budget-ms", "--budget-metric" })]
    [InlineData(new[] { "compare", "--help" }, new[] { "STRATEGY", "--strategy", "--kind", "--monthly-requests", "--memory-mb", "--architecture", "--provisioned-concurrency", "--spillover", "--init-billed", "--on-demand-price", "--provisioned-price", "--provisioned-duration-price", "--arm64-on-demand-price", "--arm64-provisioned-price", "--arm64-provisioned-duration-price", "--request-price", "--snapshot-cache-price", "--restore-price", "--snapstart-active-hours", "--hours-per-month" })]
    public void Every_command_explains_its_options(string[] args, string[] expected)
    {
        var run = CliRunner.Run(args);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Usage:", run.Out);
        Assert.All(expected, e => Assert.Contains(e, run.Out));
    }

    [Fact]
    public void No_command_is_a_usage_error()
    {
        var run = CliRunner.Run();

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("coldstart --help", run.Error);
    }
}
