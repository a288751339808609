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

    [Fact]
    public void Strategies_read_side_by_side_report_the_sum_of_their_bytes()
    {
        var total = new Recorder();
        var summed = new SummedProgress(total, parts: 2);

        Parallel.For(0, 2, part =>
        {
            var progress = summed.Part(part);
            for (long read = 1; read <= 1000; read++)
            {
                progress.Report(read * (part + 1));
            }
        });

        // each part's running total is 1,000 and 2,000 at its end; every report is a sum of one value from each
        Assert.Equal(3000, total.Values.Max());
        Assert.Equal(3000, total.Values[^1]);
        Assert.True(total.Values.Zip(total.Values.Skip(1)).All(p => p.Second >= p.First), "the sum never goes back");
    }

    private sealed class Recorder : IProgress<long>
    {
        public List<long> Values { get; } = [];

        public void Report(long value) => Values.Add(value);
    }
}
