using ColdStart.Analysis.Tests.Support;
using static ColdStart.Analysis.Tests.Support.LambdaLines;

namespace ColdStart.Analysis.Tests.Parsing;

/// <summary>Cold starts cut by the export's start or end are left out of every figure and counted by reason.</summary>
public class IncompleteColdStartTests
{
    private static string[] Whole(string request) =>
        [InitStart(), Wrapper(), .. InitImports(), Start(request), .. LazyImports(), End(request), Report(request, 15.74, init: 130.49)];

    [Fact]
    public void An_export_that_begins_inside_an_import_block_leaves_that_cold_start_out()
    {
        // the window starts after INIT_START, the wrapper line, the header and the first row
        var result = Parse.Lines([.. Whole(RequestA)[4..], .. Whole(RequestB)]);

        var coldStart = Assert.Single(result.ColdStarts);
        Assert.Equal(RequestB, coldStart.FirstReport?.RequestId);
        Assert.Equal(1, result.IncompleteColdStarts[IncompleteReason.StartedMidBlock]);
        // its REPORT is still an invocation: Init Duration is a fact of its own
        Assert.Equal(2, result.Invocations.Count);
    }

    [Fact]
    public void An_export_that_ends_inside_an_import_block_leaves_that_cold_start_out()
    {
        var cut = Whole(RequestB)[..6];

        var result = Parse.Lines([.. Whole(RequestA), .. cut]);

        Assert.Single(result.ColdStarts);
        Assert.Equal(1, result.IncompleteColdStarts[IncompleteReason.UnclosedImports]);
    }

    [Fact]
    public void An_export_that_ends_between_two_rows_of_depth_0_before_START_leaves_it_out()
    {
        // every row closed, but no START, REPORT or INIT_REPORT: the init may have gone on past the export
        var cut = Whole(RequestB)[..7];

        var result = Parse.Lines([.. Whole(RequestA), .. cut]);

        Assert.Single(result.ColdStarts);
        Assert.Equal(1, result.IncompleteColdStarts[IncompleteReason.EndedBeforeInitEnded]);
    }

    [Fact]
    public void A_raw_capture_is_complete_when_its_rows_close()
    {
        var result = Parse.Lines(InitImports());

        Assert.Single(result.ColdStarts);
        Assert.Equal(0, result.IncompleteColdStarts.Total);
    }

    [Fact]
    public void A_raw_capture_cut_inside_an_import_is_left_out()
    {
        var result = Parse.Lines(InitImports()[..3]);

        Assert.Empty(result.ColdStarts);
        Assert.Equal(1, result.IncompleteColdStarts[IncompleteReason.UnclosedImports]);
    }

    [Fact]
    public void An_init_block_whose_root_row_was_lost_before_START_is_cut()
    {
        // "json" (depth 0) never came: its children would otherwise be adopted by the handler's first lazy import
        var lines = Whole(RequestA).Where(l => !l.EndsWith("| json", StringComparison.Ordinal) && !l.EndsWith("| app.handler", StringComparison.Ordinal)).ToArray();

        var result = Parse.Lines(lines);

        Assert.Empty(result.ColdStarts);
        Assert.Equal(1, result.IncompleteColdStarts[IncompleteReason.UnclosedImports]);
    }

    [Fact]
    public void Incomplete_cold_starts_are_not_in_the_report_figures()
    {
        string[] slow = [InitStart(), Wrapper(), ImportTimeText.Header, ImportTimeText.Row(900_000, 900_000, 1, "huge")];

        var result = Parse.Lines([.. Whole(RequestA), .. slow]);
        var report = ImportTimeReport.Build(result);

        Assert.Equal(1, report.Summary.ColdStarts);
        Assert.Equal(1, report.Summary.IncompleteColdStarts.Total);
        Assert.DoesNotContain("huge", report.TopBySelf.Select(m => m.Name));
        Assert.Equal(6.27, report.MedianInitImportMs);
    }
}
