using ColdStart.Analysis.Tests.Support;
using static ColdStart.Analysis.Tests.Support.LambdaLines;

namespace ColdStart.Analysis.Tests.Reporting;

/// <summary>
/// The number of modules imported per cold start, init phase and handler phase: the cold start's import rows of that phase
/// (cached 3.14 rows and child processes' rows not counted), left out where the split is unknown or a child process printed
/// its profile in that phase.
/// </summary>
public class ModulesImportedTests
{
    [Fact]
    public void Counts_are_the_rows_of_each_phase_per_cold_start_as_the_parsed_model_holds_them()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "lambda-console.log");
        var parsed = LogParser.Parse([LogSource.FromFile(sample)]);

        var report = ImportTimeReport.Read([LogSource.FromFile(sample)]);

        var init = parsed.ColdStarts.Select(c => (double)c.AllImports.Count(n => !n.Cached && n.Phase == ImportPhase.Init)).ToList();
        var handler = parsed.ColdStarts.Select(c => (double)c.AllImports.Count(n => !n.Cached && n.Phase == ImportPhase.Invoke)).ToList();
        Assert.Equal(Percentiles.Of(init), report.Summary.InitModulesImported);
        Assert.Equal(Percentiles.Of(handler), report.Summary.HandlerModulesImported);
        Assert.True(report.Summary.HandlerModulesImported.P50 > 0, "the sample has lazy imports");
    }

    [Fact]
    public void Cached_rows_are_not_counted()
    {
        string[] lines =
        [
            InitStart("python:3.14.v1"), Wrapper(interpreter: "/var/lang/bin/python3.14"), ImportTimeText.Header,
            ImportTimeText.Row(120, 120, 1, "_json"), ImportTimeText.CachedRow(2, "re"), ImportTimeText.Row(900, 1020, 0, "json"),
            Start(RequestA), ImportTimeText.CachedRow(1, "json"), ImportTimeText.Row(40, 40, 0, "app"), End(RequestA), Report(RequestA, 8, init: 180),
        ];

        var summary = ImportTimeReport.Build(Parse.Lines(lines)).Summary;

        Assert.Equal(new Percentiles(1, 2, 2, 2, 2), summary.InitModulesImported);
        Assert.Equal(new Percentiles(1, 1, 1, 1, 1), summary.HandlerModulesImported);
    }

    [Fact]
    public void A_cold_start_whose_split_is_unknown_is_left_out_of_both_never_counted_as_zero()
    {
        string[] known = [InitStart(), Wrapper(), ImportTimeText.Header, ImportTimeText.Row(100, 100, 0, "boto3"), Start(RequestA), End(RequestA), Report(RequestA, 3, init: 90)];
        string[] unknown = [Start(RequestB), ImportTimeText.Header, ImportTimeText.Row(100, 100, 0, "boto3"), ImportTimeText.Row(50, 50, 0, "yaml"), End(RequestB), Report(RequestB, 3, init: 90)];

        var summary = ImportTimeReport.Read([LogSource.FromText("a.log", string.Join("\n", known) + "\n"), LogSource.FromText("b.log", string.Join("\n", unknown) + "\n")]).Summary;

        Assert.Equal(2, summary.ColdStarts);
        Assert.Equal(1, summary.ColdStartsWithUnknownSplit);
        Assert.Equal(new Percentiles(1, 1, 1, 1, 1), summary.InitModulesImported);
        Assert.Equal(new Percentiles(1, 0, 0, 0, 0), summary.HandlerModulesImported);
    }

    [Fact]
    public void A_child_process_during_init_makes_the_init_count_unknown_but_not_the_handler_count()
    {
        string[] lines =
        [
            InitStart(), Wrapper(), ImportTimeText.Header, ImportTimeText.Row(100, 100, 0, "encodings"),
            ImportTimeText.Header, ImportTimeText.Row(300, 300, 0, "pool_helper"), ImportTimeText.Row(500, 900, 0, "mylib"),
            Start(RequestA), ImportTimeText.Row(40, 40, 0, "app"), End(RequestA), Report(RequestA, 12.5, init: 210.25),
        ];

        var summary = ImportTimeReport.Build(Parse.Lines(lines)).Summary;

        Assert.Equal(1, summary.Subprocesses);
        Assert.Equal(Percentiles.Empty, summary.InitModulesImported);
        Assert.Equal(new Percentiles(1, 1, 1, 1, 1), summary.HandlerModulesImported);
    }
}
