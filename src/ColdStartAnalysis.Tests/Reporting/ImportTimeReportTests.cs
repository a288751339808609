using ColdStart.Analysis.Tests.Support;
using static ColdStart.Analysis.Tests.Support.LambdaLines;

namespace ColdStart.Analysis.Tests.Reporting;

public class ImportTimeReportTests
{
    /// <summary>One on-demand cold start whose json import takes <paramref name="jsonSelf"/> µs, with a lazy sqlite3 import.</summary>
    private static string[] ColdStart(string request, long jsonSelf, double initDuration) =>
    [
        InitStart(),
        Wrapper(),
        ImportTimeText.Header,
        ImportTimeText.Row(100, 100, 1, "_json"),
        ImportTimeText.Row(jsonSelf, jsonSelf + 100, 0, "json"),
        ImportTimeText.Row(2000, 2000, 1, "boto3"),
        ImportTimeText.Row(500, 2500, 0, "app.handler"),
        Start(request),
        ImportTimeText.Row(1900, 1900, 1, "_sqlite3"),
        ImportTimeText.Row(300, 2200, 0, "sqlite3"),
        End(request),
        Report(request, 20, init: initDuration),
    ];

    private static ParseResult ThreeColdStarts() => Parse.Lines(
    [
        .. ColdStart(RequestA, 1000, 100),
        .. ColdStart(RequestB, 3000, 300),
        .. ColdStart(RequestC, 2500, 200),
    ]);

    [Fact]
    public void Summary_counts_cold_starts_by_init_type_and_gives_init_duration_percentiles()
    {
        var report = ImportTimeReport.Build(ThreeColdStarts());

        Assert.Equal(3, report.Summary.ColdStarts);
        Assert.Equal(3, report.Summary.ColdStartsByInitType["on-demand"]);
        Assert.Equal(new Percentiles(3, 200, 300, 300, 300), report.Summary.InitDurationMs);
        Assert.Equal(3, report.Summary.ColdInvocations);
        Assert.Equal(36, report.Summary.LinesRead);
    }

    [Fact]
    public void Top_by_self_gives_median_min_and_max_across_cold_starts()
    {
        var report = ImportTimeReport.Build(ThreeColdStarts(), new ReportOptions { Top = 2 });

        Assert.Equal(["json", "boto3"], report.TopBySelf.Select(m => m.Name));
        var json = report.TopBySelf[0];
        Assert.Equal((2.5, 1.0, 3.0, 3), (json.MedianMs, json.MinMs, json.MaxMs, json.ColdStarts));
        Assert.Equal(ModuleClass.StandardLibrary, json.Class);
        Assert.Equal(ImportPhase.Init, json.Phase);
    }

    [Fact]
    public void Top_by_cumulative_orders_by_median_cumulative()
    {
        var report = ImportTimeReport.Build(ThreeColdStarts(), new ReportOptions { Top = 3 });

        Assert.Equal(["json", "app.handler", "sqlite3"], report.TopByCumulative.Select(m => m.Name));
        Assert.Equal(2.6, report.TopByCumulative[0].MedianMs);
    }

    [Fact]
    public void Lazy_imports_list_invoke_phase_roots_with_their_first_invocation_cost()
    {
        var report = ImportTimeReport.Build(ThreeColdStarts());

        var sqlite = Assert.Single(report.LazyImports);
        Assert.Equal(("sqlite3", ImportPhase.Invoke, 2.2, 2.2), (sqlite.Name, sqlite.Phase, sqlite.MedianMs, sqlite.MedianFirstInvocationMs));
        Assert.Equal(2.2, report.Summary.FirstInvocationLazyImportMs.P50);
        Assert.Equal(5.1, report.MedianInitImportMs);
        Assert.Equal(PhaseSplit.Known, report.Split);
    }

    [Fact]
    public void Tree_merges_paths_and_keeps_lazy_roots_apart()
    {
        var report = ImportTimeReport.Build(ThreeColdStarts());

        Assert.Equal(["json", "app.handler", "Invoke:sqlite3"], report.Tree.Select(t => t.Path));
        var json = report.Tree[0];
        Assert.Equal((2.6, 1.1, 3.1, 3), (json.MedianCumulativeMs, json.MinCumulativeMs, json.MaxCumulativeMs, json.ColdStarts));
        Assert.Equal("json/_json", Assert.Single(json.Children).Path);
        Assert.Equal(ImportPhase.Invoke, report.Tree[2].Phase);
    }

    [Fact]
    public void Tree_filters_by_depth_time_and_module_prefix()
    {
        var result = ThreeColdStarts();

        var shallow = ImportTimeReport.Build(result, new ReportOptions { MaxDepth = 0 });
        var slow = ImportTimeReport.Build(result, new ReportOptions { MinMs = 2.55 });
        var boto = ImportTimeReport.Build(result, new ReportOptions { ModulePrefix = "boto" });

        Assert.All(shallow.Tree, t => Assert.Empty(t.Children));
        Assert.Equal("json", Assert.Single(slow.Tree).Path);
        Assert.Empty(slow.Tree[0].Children);
        Assert.Equal("app.handler/boto3", Assert.Single(Assert.Single(boto.Tree).Children).Path);
    }

    [Fact]
    public void Bad_option_is_rejected_naming_it_and_its_value()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ImportTimeReport.Build(ThreeColdStarts(), new ReportOptions { MinMs = -1 }));

        Assert.Contains("`MinMs` must be 0 or more. Found -1.", error.Message);
    }

    [Fact]
    public void Report_of_the_committed_sample_finds_its_cold_starts_streams_and_lazy_imports()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "lambda-console.log");
        var lines = File.ReadAllLines(sample);

        var report = ImportTimeReport.Build(LogParser.Parse([LogSource.FromFile(sample)], new ParseOptions { HandlerModule = "app.handler" }), new ReportOptions { Top = 1000 });

        Assert.Equal(lines.Count(l => l.Contains(" INIT_START ")), report.Summary.ColdStarts);
        Assert.Equal(lines.Count(l => l.Contains(" REPORT ")), report.Summary.Invocations);
        Assert.Equal(lines.Length, report.Summary.LinesRead);
        Assert.Equal(InputFormat.AwsLogsTail, Assert.Single(report.Summary.Sources).DetectedFormat);
        Assert.Equal(["sqlite3", "xml.etree.ElementTree"], report.LazyImports.Select(m => m.Name).Order());
        Assert.Contains(report.TopByCumulative, m => m.Class == ModuleClass.User);
        Assert.Contains(report.TopByCumulative, m => m.Class == ModuleClass.LambdaRuntime);
        Assert.Equal(3, report.Summary.Skipped.LinesDropped);
    }

    [Fact]
    public void Failed_import_attempts_printed_under_one_parent_are_one_sample_of_their_cold_start()
    {
        // CPython 3.13 on Linux: ntpath tries `import nt` several times; every failed attempt prints a row
        string[] ColdStart(string request, long attempt) =>
        [
            InitStart(), Wrapper(), ImportTimeText.Header,
            ImportTimeText.Row(attempt, attempt, 1, "nt"),
            ImportTimeText.Row(attempt, attempt, 1, "nt"),
            ImportTimeText.Row(attempt, attempt, 1, "nt"),
            ImportTimeText.Row(400, 400 + (3 * attempt), 0, "ntpath"),
            Start(request), End(request), Report(request, 20, init: 100),
        ];
        var report = ImportTimeReport.Build(Parse.Lines([.. ColdStart(RequestA, 40), .. ColdStart(RequestB, 50)]));

        var nt = Assert.Single(Assert.Single(report.Tree).Children);
        Assert.Equal((2, 0.12, 0.12, 0.15), (nt.ColdStarts, nt.MedianSelfMs, nt.MinCumulativeMs, nt.MaxCumulativeMs));
    }
}
