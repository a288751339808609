using System.Text;
using ColdStart.Analysis.Tests.Support;

namespace ColdStart.Analysis.Tests.Parsing;

public class RobustnessTests
{
    [Fact]
    public void Crlf_and_byte_order_mark_give_the_same_forest_as_lf()
    {
        var lf = Parse.Lines(LambdaLines.InitImports());
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join("\r\n", LambdaLines.InitImports()) + "\r\n")).ToArray();

        var crlf = Parse.Bytes(bytes);

        Assert.Equal(InputFormat.RawImportTime, Assert.Single(crlf.Sources).DetectedFormat);
        Assert.Equal(lf.ColdStarts[0].AllImports.Select(n => (n.Name, n.Depth, n.CumulativeMicros)),
            crlf.ColdStarts[0].AllImports.Select(n => (n.Name, n.Depth, n.CumulativeMicros)));
        Assert.Equal(0, crlf.Skipped.Total);
    }

    [Fact]
    public void Log_line_starting_with_a_bracket_is_text_not_a_json_array()
    {
        var result = Parse.Lines(["[INFO]\t2024-05-01T10:00:00.000Z\tabc\tloaded", .. LambdaLines.InitImports()]);

        Assert.Equal(InputFormat.RawImportTime, Assert.Single(result.Sources).DetectedFormat);
        Assert.Single(result.ColdStarts);
    }

    [Fact]
    public void Empty_input_is_empty()
    {
        var result = Parse.Bytes([]);

        Assert.Equal(InputFormat.Empty, Assert.Single(result.Sources).DetectedFormat);
        Assert.Empty(result.ColdStarts);
        Assert.Equal(0, result.LinesRead);
    }

    [Fact]
    public void Input_without_anything_known_is_unrecognised()
    {
        var result = Parse.Lines("hello", "world");

        Assert.Equal(InputFormat.Unrecognised, Assert.Single(result.Sources).DetectedFormat);
        Assert.Equal(2, result.LinesIgnored);
    }

    [Fact]
    public void Repeated_header_without_rows_is_a_duplicate_and_a_header_after_rows_is_a_new_interpreter()
    {
        var result = Parse.Lines([ImportTimeText.Header, .. LambdaLines.InitImports(), .. LambdaLines.InitImports()]);

        Assert.Equal(1, result.Skipped[SkipReason.DuplicateHeader]);
        Assert.Equal(2, result.ColdStarts.Count);
    }

    [Fact]
    public void Rows_without_a_header_are_a_profile_cut_at_its_start_and_left_out()
    {
        var result = Parse.Lines(LambdaLines.InitImports()[1..]);

        Assert.Empty(result.ColdStarts);
        Assert.Equal(1, result.IncompleteColdStarts[IncompleteReason.StartedMidBlock]);
        Assert.Equal(result.LinesRead, result.LinesUsed);
    }

    [Fact]
    public void Child_whose_parent_row_is_missing_is_kept_under_its_nearest_ancestor_and_counted()
    {
        var result = Parse.Lines(
            ImportTimeText.Header,
            ImportTimeText.Row(10, 10, 2, "a.b.c"),
            ImportTimeText.Row(50, 60, 0, "a"));

        var root = Assert.Single(Assert.Single(result.ColdStarts).Roots);
        Assert.Equal("a.b.c", Assert.Single(root.Children).Name);
        Assert.Equal(1, root.Children[0].Depth);
        Assert.Equal(1, result.Skipped[SkipReason.OrphanChild]);
    }

    [Fact]
    public void Child_never_followed_by_its_parent_leaves_the_profile_cut_and_out_of_the_figures()
    {
        var result = Parse.Lines(ImportTimeText.Header, ImportTimeText.Row(50, 50, 0, "a"), ImportTimeText.Row(10, 10, 1, "b"));

        Assert.Empty(result.ColdStarts);
        Assert.Equal(1, result.IncompleteColdStarts[IncompleteReason.UnclosedImports]);
        Assert.Equal(1, result.Skipped[SkipReason.OrphanChild]);
    }

    [Fact]
    public void Parent_whose_cumulative_is_below_its_children_is_kept_and_counted()
    {
        var result = Parse.Lines(ImportTimeText.Header, ImportTimeText.Row(500, 500, 1, "child"), ImportTimeText.Row(10, 100, 0, "parent"));

        Assert.Equal("child", Assert.Single(Assert.Single(result.ColdStarts).Roots[0].Children).Name);
        Assert.Equal(1, result.Skipped[SkipReason.InconsistentCumulative]);
    }

    [Theory]
    [InlineData(5_000_000_100, 0)]
    [InlineData(4_999_999_000, 1)]
    public void Times_beyond_32_bits_keep_their_exact_value_in_the_consistency_check(long parentCumulative, long inconsistent)
    {
        // an open cold start keeps times in 32 bits and wider ones beside its rows: the check must read the wide value
        var result = Parse.Lines(
            ImportTimeText.Header,
            ImportTimeText.Row(5_000_000_000, 5_000_000_000, 1, "child"),
            ImportTimeText.Row(100, parentCumulative, 0, "parent"));

        var parent = Assert.Single(Assert.Single(result.ColdStarts).Roots);
        Assert.Equal(parentCumulative, parent.CumulativeMicros);
        Assert.Equal(5_000_000_000, Assert.Single(parent.Children).SelfMicros);
        Assert.Equal(inconsistent, result.Skipped[SkipReason.InconsistentCumulative]);
    }

    [Fact]
    public void Rounding_of_a_few_microseconds_is_not_inconsistent()
    {
        var result = Parse.Lines(ImportTimeText.Row(5, 5, 1, "x"), ImportTimeText.Row(5, 5, 1, "y"), ImportTimeText.Row(3, 11, 0, "p"));

        Assert.Equal(0, result.Skipped.Total);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void A_bad_line_in_a_large_clean_input_is_counted_whichever_block_holds_it(int block)
    {
        // about 4 MiB of import runs: text is checked a read block (1 MiB) at a time and line by line only where a block
        // is not clean, so one bad line must be found in any block, and only it
        var run = string.Join("\n", ImportTimeText.Header, ImportTimeText.Row(7, 7, 1, "_json"), ImportTimeText.Row(100, 107, 0, "json")) + "\n";
        var runs = (4 << 20) / run.Length;
        var before = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(run, (runs * block / 4) + 1)));
        var after = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(run, runs - (runs * block / 4))));
        var bytes = before.Concat(new byte[] { (byte)'x', 0xC3, 0x28, (byte)'\n' }).Concat(after).ToArray();

        var result = Parse.Bytes(bytes);

        Assert.Equal(1, result.Skipped[SkipReason.BinaryData]);
        Assert.Equal(1, result.Skipped.LinesDropped);
        Assert.Equal(runs + 1, result.ColdStarts.Count);
        Parse.AssertAccounted(result);
    }

    [Fact]
    public void Binary_garbage_and_control_characters_are_counted_by_reason()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", LambdaLines.InitImports()) + "\n")
            .Concat(new byte[] { 0x00, 0x01, 0xFF, (byte)'\n', 0xC3, 0x28, (byte)'\n', (byte)'a', 0x07, (byte)'\n', 0x1B, (byte)'[', (byte)'m', (byte)'\n' })
            .ToArray();

        var result = Parse.Bytes(bytes);

        Assert.Equal(2, result.Skipped[SkipReason.BinaryData]);
        Assert.Equal(1, result.Skipped[SkipReason.Garbage]);
        Assert.Equal(1, result.LinesIgnored);
        Assert.Equal(2, Assert.Single(result.ColdStarts).Roots.Count);
        Parse.AssertAccounted(result);
    }

    [Fact]
    public void Overlong_line_is_skipped_and_parsing_goes_on()
    {
        var text = ImportTimeText.Header + "\n" + new string('x', 3 << 20) + "\n" + ImportTimeText.Row(10, 10, 0, "after") + "\n";

        var result = Parse.Text(text);

        Assert.Equal(1, result.Skipped[SkipReason.OverlongLine]);
        Assert.Equal("after", Assert.Single(Assert.Single(result.ColdStarts).Roots).Name);
        Assert.Equal(3, result.LinesRead);
    }

    [Fact]
    public void Last_line_without_newline_is_read()
    {
        var result = Parse.Text(ImportTimeText.Header + "\n" + ImportTimeText.Row(10, 10, 0, "last"));

        Assert.Equal("last", Assert.Single(Assert.Single(result.ColdStarts).Roots).Name);
    }

    [Fact]
    public void Several_inputs_are_summarised_in_order()
    {
        var result = LogParser.Parse([LogSource.FromText("a.log", string.Join("\n", LambdaLines.InitImports())), LogSource.FromText("b.json", "[]")]);

        Assert.Equal([("a.log", InputFormat.RawImportTime), ("b.json", InputFormat.CloudWatchJson)], result.Sources.Select(s => (s.Name, s.DetectedFormat)));
        Assert.Equal("a.log", Assert.Single(result.ColdStarts).Stream);
    }

    [Fact]
    public void Missing_file_is_a_one_line_error_naming_it()
    {
        var error = Assert.Throws<LogSourceException>(() => LogParser.Parse([LogSource.FromFile("/nonexistent/cold.log")]));

        Assert.StartsWith("cannot read '/nonexistent/cold.log'", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_pipe_given_as_a_file_is_read_once_from_its_start()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var dir = Directory.CreateTempSubdirectory("coldstart-fifo-");
        try
        {
            // as with process substitution, coldstart report <(zcat export.gz): looking at its head must not consume it
            var fifo = Path.Combine(dir.FullName, "log.fifo");
            var exit = ProcessRunner.Run("mkfifo", [fifo], out _, out var error);
            Assert.True(exit == 0, error);
            var text = string.Join("\n", LambdaLines.InitImports()) + "\n";
            var writer = Task.Run(() => File.WriteAllText(fifo, text));

            var result = LogParser.Parse([LogSource.FromFile(fifo), LogSource.FromText("other.log", text)]);
            await writer;

            Assert.Equal(LambdaLines.InitImports().Length, result.Sources[0].Lines);
            Assert.Equal(2, result.ColdStarts.Count);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Progress_reports_the_bytes_read()
    {
        var reports = new List<long>();
        var text = string.Join("\n", LambdaLines.InitImports());

        LogParser.Parse([LogSource.FromText("a", text)], new ParseOptions { BytesRead = new SynchronousProgress(reports.Add) });

        Assert.Equal(Encoding.UTF8.GetByteCount(text), reports[^1]);
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
