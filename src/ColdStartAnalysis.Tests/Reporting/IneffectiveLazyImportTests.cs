using ColdStart.Analysis.Tests.Support;
using static ColdStart.Analysis.Tests.Support.LambdaLines;

namespace ColdStart.Analysis.Tests.Reporting;

/// <summary>Python 3.14 <c>-X importtime=2</c>: handler imports of modules that init had already loaded saved nothing.</summary>
public class IneffectiveLazyImportTests
{
    /// <summary>
    /// Init: the runtime imports json (a root), app imports pandas (whose cumulative time is <paramref name="pandasMicros"/>)
    /// and finds json cached. First request: lazy sqlite3 (really loaded), then pandas and json again (cached), sys (cached,
    /// never in the profile). Second request: sqlite3 again (cached: its first request loaded it).
    /// </summary>
    private static string[] ColdStart(string first, string second, long pandasMicros) =>
    [
        InitStart("python:3.14.v1"),
        Wrapper(interpreter: "/var/lang/bin/python3.14"),
        ImportTimeText.Header,
        ImportTimeText.Row(700, 700, 0, "json"),
        ImportTimeText.Row(400, 400, 2, "numpy"),
        ImportTimeText.Row(pandasMicros - 400, pandasMicros, 1, "pandas"),
        ImportTimeText.CachedRow(1, "json"),
        ImportTimeText.Row(300, pandasMicros + 300, 0, "app"),
        Start(first),
        ImportTimeText.Row(1900, 1900, 1, "_sqlite3"),
        ImportTimeText.Row(300, 2200, 0, "sqlite3"),
        ImportTimeText.CachedRow(0, "pandas"),
        ImportTimeText.CachedRow(0, "json"),
        ImportTimeText.CachedRow(0, "sys"),
        End(first),
        Report(first, 20, init: 150),
        Start(second),
        ImportTimeText.CachedRow(0, "sqlite3"),
        End(second),
        Report(second, 5),
    ];

    private static ImportTimeReport Build(params string[][] coldStarts) =>
        ImportTimeReport.Build(Parse.Lines([.. coldStarts.SelectMany(c => c)]));

    [Fact]
    public void Handler_import_of_a_module_init_loaded_is_listed_with_the_importer_that_loaded_it()
    {
        var report = Build(ColdStart(RequestA, RequestB, 90_000), ColdStart(RequestC, "d2", 110_000), ColdStart("e3", "f4", 100_000));

        var pandas = Assert.Single(report.IneffectiveLazyImports!, i => i.Name == "pandas");
        Assert.Equal((3, 3, "app", 100.0), (pandas.ColdStarts, pandas.LoadedAtInit, pandas.LoadedBy, pandas.MedianInitCumulativeMs));
        Assert.Equal(ModuleClass.ThirdParty, pandas.Class);
    }

    [Fact]
    public void A_root_of_the_init_profile_has_no_importer_and_a_module_never_in_the_profile_has_no_init_cost()
    {
        var report = Build(ColdStart(RequestA, RequestB, 90_000));

        var json = Assert.Single(report.IneffectiveLazyImports!, i => i.Name == "json");
        Assert.Equal((1, 1, (string?)null, (double?)0.7), (json.ColdStarts, json.LoadedAtInit, json.LoadedBy, json.MedianInitCumulativeMs));
        var sys = Assert.Single(report.IneffectiveLazyImports!, i => i.Name == "sys");
        Assert.Equal((1, 0, (string?)null, (double?)null), (sys.ColdStarts, sys.LoadedAtInit, sys.LoadedBy, sys.MedianInitCumulativeMs));
        Assert.Equal(["pandas", "json", "sys"], report.IneffectiveLazyImports!.Select(i => i.Name));
    }

    [Fact]
    public void A_request_finding_what_an_earlier_request_loaded_is_lazy_loading_working_not_listed()
    {
        var report = Build(ColdStart(RequestA, RequestB, 90_000));

        Assert.DoesNotContain(report.IneffectiveLazyImports!, i => i.Name == "sqlite3");
        var sqlite = Assert.Single(report.LazyImports);
        Assert.Equal("sqlite3", sqlite.Name);
    }

    [Fact]
    public void Without_cached_rows_the_answer_is_unknown_not_none()
    {
        var report = ImportTimeReport.Build(Parse.Lines(
            InitStart(), Wrapper(), ImportTimeText.Header, ImportTimeText.Row(500, 500, 0, "app"),
            Start(RequestA), ImportTimeText.Row(300, 300, 0, "sqlite3"), End(RequestA), Report(RequestA, 20, init: 100)));

        Assert.Null(report.IneffectiveLazyImports);
        Assert.Single(report.LazyImports);
    }

    [Fact]
    public void With_cached_rows_but_no_ineffective_import_the_list_is_empty()
    {
        var report = ImportTimeReport.Build(Parse.Lines(
            InitStart(), Wrapper(), ImportTimeText.Header, ImportTimeText.Row(500, 500, 1, "json"), ImportTimeText.CachedRow(1, "os"),
            ImportTimeText.Row(100, 600, 0, "app"), Start(RequestA), End(RequestA), Report(RequestA, 20, init: 100)));

        Assert.NotNull(report.IneffectiveLazyImports);
        Assert.Empty(report.IneffectiveLazyImports);
    }

    [Fact]
    public void Unknown_phase_split_makes_it_unknown()
    {
        // console logs of old: init output after START and no marker: every row's phase is unknown
        var report = ImportTimeReport.Build(Parse.Lines(
            Start(RequestA), ImportTimeText.Header, ImportTimeText.Row(500, 500, 0, "pandas"), ImportTimeText.CachedRow(0, "pandas"),
            End(RequestA), Report(RequestA, 20, init: 100)));

        Assert.Equal(PhaseSplit.Unknown, report.Split);
        Assert.Null(report.IneffectiveLazyImports);
    }

    [Fact]
    public void Tree_marks_cached_rows_instead_of_dropping_them()
    {
        var report = Build(ColdStart(RequestA, RequestB, 90_000), ColdStart(RequestC, "d2", 110_000));

        var app = Assert.Single(report.Tree, n => n.Name == "app");
        var json = Assert.Single(app.Children, n => n.Name == "json");
        Assert.True(json.Cached);
        Assert.Equal((2, 2, 0.0), (json.ColdStarts, json.CachedColdStarts, json.MedianCumulativeMs));
        var pandas = Assert.Single(app.Children, n => n.Name == "pandas");
        Assert.False(pandas.Cached);
        Assert.Equal(0, pandas.CachedColdStarts);
        var lazyPandas = Assert.Single(report.Tree, n => n.Phase == ImportPhase.Invoke && n.Name == "pandas");
        Assert.True(lazyPandas.Cached);
    }

    [Fact]
    public void A_path_printed_twice_in_one_cold_start_counts_once_and_is_cached_only_if_both_rows_were()
    {
        // app imports json (loaded), then imports it again (cached): one cold start, one sample of 0.6 ms, not cached
        var report = ImportTimeReport.Build(Parse.Lines(
            InitStart("python:3.14.v1"), Wrapper(interpreter: "/var/lang/bin/python3.14"), ImportTimeText.Header,
            ImportTimeText.Row(600, 600, 1, "json"), ImportTimeText.CachedRow(1, "json"), ImportTimeText.Row(100, 700, 0, "app"),
            Start(RequestA), End(RequestA), Report(RequestA, 20, init: 100)));

        var json = Assert.Single(Assert.Single(report.Tree).Children);
        Assert.Equal((1, 0, 0.6, false), (json.ColdStarts, json.CachedColdStarts, json.MedianCumulativeMs, json.Cached));
    }

    [Fact]
    public void Counts_are_out_of_the_cold_starts_that_have_cached_rows_when_a_log_mixes_runtimes()
    {
        // a python3.13 cold start (level 1, no cached rows) before the 3.14 one: it cannot show an ineffective import
        string[] py313 =
        [
            InitStart(), Wrapper(), ImportTimeText.Header, ImportTimeText.Row(90_000, 90_000, 1, "pandas"), ImportTimeText.Row(300, 90_300, 0, "app"),
            Start("r313"), End("r313"), Report("r313", 20, init: 150),
        ];
        var report = Build(py313, ColdStart(RequestA, RequestB, 90_000));

        Assert.Equal((2, 1), (report.Summary.ColdStarts, report.ColdStartsWithCachedRows));
        Assert.Equal(1, Assert.Single(report.IneffectiveLazyImports!, i => i.Name == "pandas").ColdStarts);
    }

    [Fact]
    public void A_cold_start_a_child_process_printed_into_cannot_show_it()
    {
        // a multiprocessing child prints its own profile inside the request: rows in its span are not the parent's
        var report = ImportTimeReport.Build(Parse.Lines(
            InitStart("python:3.14.v1"), Wrapper(interpreter: "/var/lang/bin/python3.14"), ImportTimeText.Header,
            ImportTimeText.Row(90_000, 90_000, 1, "pandas"), ImportTimeText.Row(300, 90_300, 0, "app"),
            Start(RequestA), ImportTimeText.CachedRow(0, "pandas"),
            ImportTimeText.Header, ImportTimeText.Row(200, 200, 0, "encodings"),
            End(RequestA), Report(RequestA, 20, init: 150)));

        Assert.Equal(1, report.Summary.Subprocesses);
        Assert.Equal(0, report.ColdStartsWithCachedRows);
        Assert.Null(report.IneffectiveLazyImports);
    }
}
