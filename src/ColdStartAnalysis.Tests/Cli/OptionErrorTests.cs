using System.CommandLine;
using ColdStart.Cli;
using ColdStart.Cli.Commands;
using Xunit;

namespace ColdStart.Analysis.Tests.Cli;

/// <summary>Option errors name the option and what it accepts, in words; out-of-range numbers are refused, never clamped.</summary>
public sealed class OptionErrorTests
{
    [Theory]
    [InlineData("--top x", "--top: 'x' is not a number; expected a whole number, 1 or more.")]
    [InlineData("--top 1e12", "--top: '1e12' is too large (the most is 2,147,483,647); expected a whole number, 1 or more.")]
    [InlineData("--top 2.5", "--top: '2.5' is not a whole number; expected a whole number, 1 or more.")]
    [InlineData("--top -3", "--top: '-3' is too small (the least is 1); expected a whole number, 1 or more.")]
    [InlineData("--top", "--top needs a value: a whole number, 1 or more.")]
    [InlineData("--max-depth -1", "--max-depth: '-1' is too small (the least is 0); expected a whole number, 0 or more.")]
    [InlineData("--min-ms NaN", "--min-ms: 'NaN' is not a number; expected a number of 0 ms or more.")]
    [InlineData("--min-ms 1,5", "--min-ms: '1,5' is not a number; expected a number of 0 ms or more.")]
    [InlineData("--budget-ms Infinity", "--budget-ms: 'Infinity' is not a finite number; expected a number of 0 ms or more.")]
    [InlineData("--budget-ms 1e999", "--budget-ms: '1e999' is not a finite number; expected a number of 0 ms or more.")]
    [InlineData("--budget-ms -0.5", "--budget-ms: '-0.5' is too small (the least is 0); expected a number of 0 ms or more.")]
    [InlineData("--format xml", "--format: 'xml' is not accepted; expected one of text, markdown, json, html.")]
    [InlineData("--budget-metric p99", "--budget-metric: 'p99' is not accepted; expected one of init-imports-p50, init-duration-p90.")]
    public void A_bad_value_names_the_option_the_value_and_what_it_accepts(string option, string expected)
    {
        var run = CliRunner.Run(["report", CliRunner.SamplePath, .. option.Split(' ')]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal($"coldstart report: {expected} (see `coldstart report --help`)\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("--bogus", "{0}")]
    [InlineData("{0}", "--bogus")]
    [InlineData("-x", "{0}")]
    [InlineData("--bogus=3", "{0}")]
    public void An_unknown_option_is_called_an_unknown_option_not_a_missing_file(string first, string second)
    {
        var run = CliRunner.Run("report", string.Format(null, first, CliRunner.SamplePath), string.Format(null, second, CliRunner.SamplePath));

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        var unknown = first.StartsWith('-') ? first : second;
        Assert.StartsWith($"coldstart report: unknown option '{unknown}'", run.Error);
        Assert.DoesNotContain("no such file", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void A_file_whose_name_starts_with_a_dash_is_read_after_double_dash()
    {
        // Relative to the working directory, so that the argument itself starts with a dash.
        var name = $"-cold-{Guid.NewGuid():N}.log";
        File.Copy(CliRunner.SamplePath, name);
        CliRunner.Outcome unknown, read;
        try
        {
            unknown = CliRunner.Run("report", name);
            read = CliRunner.Run("report", "--format", "json", "--", name);
        }
        finally
        {
            File.Delete(name);
        }

        Assert.Equal(ExitCodes.UsageError, unknown.ExitCode);
        Assert.Contains($"unknown option '{name}'", unknown.Error);
        Assert.Equal(ExitCodes.Success, read.ExitCode);
        Assert.Contains($"\"name\": \"{name}\"", read.Out);
    }

    [Fact]
    public void An_option_value_that_starts_with_a_dash_is_not_an_unknown_option()
    {
        var run = CliRunner.Run("report", CliRunner.SamplePath, "--split-after", "-x", "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Theory]
    [InlineData("--count", "x", "--count: 'x' is not a number; expected a whole number.")]
    [InlineData("--count", "3000000000", "--count: '3000000000' is too large (the most is 2,147,483,647); expected a whole number.")]
    [InlineData("--share", "NaN", "--share: 'NaN' is not a number; expected a finite number.")]
    [InlineData("--share", "-Infinity", "--share: '-Infinity' is not a finite number; expected a finite number.")]
    [InlineData("--share", "1e400", "--share: '1e400' is not a finite number; expected a finite number.")]
    public void Options_of_any_command_get_the_same_messages_without_declaring_them(string option, string value, string expected)
    {
        // A command as a later one might declare its options: plain types, no parsers of its own.
        var command = new RootCommand { new Option<int>("--count"), new Option<double?>("--share") };
        OptionValues.ApplyDefaults(command);

        var parsed = command.Parse([option, value]);

        Assert.Equal(expected, Assert.Single(parsed.Errors).Message);
        Assert.DoesNotContain("System.", parsed.Errors[0].Message);
    }

    [Fact]
    public void Declared_ranges_are_checked_and_values_in_range_come_through_exactly()
    {
        var ratio = new Option<double>("--ratio").AcceptNumber(0, 1);
        var count = new Option<int?>("--count").AcceptWholeNumber(1, 10);
        var command = new RootCommand { ratio, count };
        OptionValues.ApplyDefaults(command);

        var good = command.Parse(["--ratio", "0.25", "--count", "1e1"]);
        var bad = command.Parse(["--ratio", "1.5", "--count", "11"]);

        Assert.Empty(good.Errors);
        Assert.Equal(0.25, good.GetValue(ratio));
        Assert.Equal(10, good.GetValue(count));
        Assert.Equal(
            ["--ratio: '1.5' is too large (the most is 1); expected a number from 0 to 1.", "--count: '11' is too large (the most is 10); expected a whole number from 1 to 10."],
            bad.Errors.Select(e => e.Message));
    }
}
