using ColdStart.Cli.Internal;
using Xunit;

namespace ColdStart.Analysis.Tests.Cli;

public sealed class ProgressBarTests
{
    [Fact]
    public void Draws_the_share_read_in_place_and_clears_itself()
    {
        var terminal = new StringWriter();
        using (var bar = new ProgressBar(terminal, totalBytes: 100L << 20))
        {
            bar.Report(25L << 20);
            Assert.Contains("25%", terminal.ToString());
            Assert.Contains("25 / 100 MiB", terminal.ToString());
            Assert.StartsWith("\r", terminal.ToString());
        }

        Assert.EndsWith("\r", terminal.ToString());
    }

    [Fact]
    public void Small_inputs_get_no_bar_even_on_a_terminal()
    {
        var run = CliRunner.Run(stdin: "", stdoutIsTerminal: true, stderrIsTerminal: true, "report", CliRunner.SamplePath);

        Assert.Equal("", run.Error);
    }
}
