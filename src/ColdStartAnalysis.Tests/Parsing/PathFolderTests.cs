using ColdStart.Analysis.Parsing.Internal;
using ColdStart.Analysis.Tests.Support;
using static ColdStart.Analysis.Tests.Support.LambdaLines;

namespace ColdStart.Analysis.Tests.Parsing;

/// <summary>
/// A very large open cold start folds its complete init-phase rows into one row per import path, so a sink that takes
/// folded rows gets memory for paths, not rows; every sum, count and first pre-order index is kept. (That the report's
/// figures stay the same is shown by <see cref="ReportEquivalence"/>, which runs every equivalence test with folding too.)
/// </summary>
public class PathFolderTests
{
    /// <summary>One header, then <paramref name="forests"/> times: json (with _json under it) and boto3 as roots.</summary>
    private static string Enormous(int forests) => string.Join("\n", new[] { ImportTimeText.Header }.Concat(Enumerable.Range(0, forests).SelectMany(i => new[]
    {
        ImportTimeText.Row(10 + (i % 7), 10 + (i % 7), 1, "_json"),
        ImportTimeText.Row(100, 110 + (i % 7), 0, "json"),
        ImportTimeText.Row(50 + (i % 3), 50 + (i % 3), 0, "boto3"),
    }))) + "\n";

    [Fact]
    public void A_cold_start_over_the_fold_size_reaches_the_sink_as_its_paths_with_every_row_counted()
    {
        var sink = new RecordingSink(foldAfterRows: 100);

        LogParser.Run([LogSource.FromText("enormous.log", Enormous(10_000))], null, sink, () => [], () => []);

        var coldStart = Assert.Single(sink.ColdStarts);

        // three paths folded (json, json/_json, boto3), and the rows printed since the last fold kept as rows
        Assert.Equal(3, coldStart.Folded);
        Assert.InRange(coldStart.Rows.Count, 3, 3 + 100 + 3);
        Assert.Equal(30_000, coldStart.Rows.Sum(r => r.Rows));
        Assert.Equal(Enumerable.Range(0, 10_000).Sum(i => 10L + (i % 7)), coldStart.Rows.Where(r => r.Name == "_json").Sum(r => r.Self));
        Assert.Equal(Enumerable.Range(0, 10_000).Sum(i => 50L + (i % 3)), coldStart.Rows.Where(r => r.Name == "boto3").Sum(r => r.Cumulative));

        // the pre-order of the whole cold start: json, _json, boto3, json, ...
        Assert.Equal([0, 1, 2], coldStart.FirstPreOrders);
        Assert.Equal(coldStart.FoldedRows, coldStart.Rows.Take(3).Sum(r => r.Rows));
    }

    [Fact]
    public void A_sink_that_reads_rows_one_by_one_gets_every_row()
    {
        var sink = new RecordingSink(foldAfterRows: null);

        LogParser.Run([LogSource.FromText("enormous.log", Enormous(10_000))], null, sink, () => [], () => []);

        var coldStart = Assert.Single(sink.ColdStarts);
        Assert.Equal(0, coldStart.Folded);
        Assert.Equal(30_000, coldStart.Rows.Count);
    }

    [Fact]
    public void Rows_whose_phase_may_still_change_or_that_are_cached_are_not_folded()
    {
        // init output after START without the marker yet: its phase is decided later; a 3.14 cached row: read one by one
        var afterStart = string.Join("\n", Start(RequestA), ImportTimeText.Header, ImportTimeText.Row(10, 10, 0, "json"), ImportTimeText.Row(10, 10, 0, "yaml"),
            ImportTimeText.Row(10, 10, 0, "boto3"), End(RequestA), Report(RequestA, 3, init: 90)) + "\n";
        var cached = string.Join("\n", ImportTimeText.Header, ImportTimeText.CachedRow(0, "sys"), ImportTimeText.Row(10, 10, 0, "json"),
            ImportTimeText.Row(10, 10, 0, "yaml"), ImportTimeText.Row(10, 10, 0, "boto3")) + "\n";
        var sink = new RecordingSink(foldAfterRows: 1);

        LogParser.Run([LogSource.FromText("after-start.log", afterStart), LogSource.FromText("cached.log", cached)], null, sink, () => [], () => []);

        Assert.Equal([(0, 3), (0, 4)], sink.ColdStarts.Select(c => (c.Folded, c.Rows.Count)));
    }

    private sealed record Row(string Name, long Self, long Cumulative, int Rows);

    private sealed record ColdStart(int Folded, int FoldedRows, List<Row> Rows, List<int> FirstPreOrders);

    private sealed class RecordingSink(int? foldAfterRows) : IColdStartSink
    {
        public List<ColdStart> ColdStarts { get; } = [];

        public int? FoldAfterRows => foldAfterRows;

        public int? SpillAfterRows => null;

        public ColdStartRows OnColdStart(ColdStartProfile coldStart, ColdStartRows rows, long sequence)
        {
            var copy = new List<Row>();
            for (var i = 0; i < rows.Count; i++)
            {
                copy.Add(new Row(rows[i].Name, rows[i].SelfMicros, rows[i].CumulativeMicros, rows.RowsAt(i)));
            }

            ColdStarts.Add(new ColdStart(rows.Folded, rows.FoldedRows, copy, Enumerable.Range(0, rows.Folded).Select(rows.FirstPreOrderOf).ToList()));
            return rows;
        }

        public void OnInvocation(Invocation invocation)
        {
        }
    }
}
