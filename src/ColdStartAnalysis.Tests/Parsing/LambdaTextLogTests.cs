using System.Text.RegularExpressions;
using ColdStart.Analysis.Tests.Support;
using static ColdStart.Analysis.Tests.Support.LambdaLines;

namespace ColdStart.Analysis.Tests.Parsing;

public class LambdaTextLogTests
{
    private static string[] TodaysLog() =>
    [
        InitStart(),
        Wrapper(),
        .. InitImports(),
        "app: module loaded",
        Start(RequestA),
        .. LazyImports(),
        "processing order 1",
        End(RequestA),
        Report(RequestA, 15.74, init: 130.49),
        Start(RequestB),
        End(RequestB),
        Report(RequestB, 2.10),
    ];

    [Fact]
    public void Imports_before_the_first_START_are_init_and_those_inside_a_request_are_invoke()
    {
        var result = Parse.Lines(TodaysLog());

        var coldStart = Assert.Single(result.ColdStarts);
        Assert.Equal(PhaseSplit.Known, coldStart.Split);
        Assert.Equal(["json", "app.handler", "sqlite3"], coldStart.Roots.Select(r => r.Name));
        Assert.All(coldStart.AllImports.Where(n => n.Name != "sqlite3" && n.Name != "_sqlite3"), n => Assert.Equal(ImportPhase.Init, n.Phase));
        var sqlite = coldStart.Roots[2];
        Assert.Equal(ImportPhase.Invoke, sqlite.Phase);
        Assert.Equal(RequestA, sqlite.RequestId);
        Assert.Equal(RequestA, sqlite.Children[0].RequestId);
        Assert.Equal(1570 + 4700, coldStart.InitImportMicros);
        Assert.Equal(2200, coldStart.InvokeImportMicros);
    }

    [Fact]
    public void Rows_of_many_requests_keep_each_its_own_request()
    {
        // a long-lived environment whose handler retries a failing import in every request (a row each time): each row
        // keeps its own request
        var requests = Enumerable.Range(0, 40).Select(i => $"00000000-0000-0000-0000-{i:D12}").ToList();
        List<string> lines = [InitStart(), Wrapper(), .. InitImports(), Start(requests[0]), End(requests[0]), Report(requests[0], 5, init: 100)];
        foreach (var (request, i) in requests.Skip(1).Select((r, i) => (r, i)))
        {
            lines.AddRange([Start(request), ImportTimeText.Row(10 + i, 10 + i, 0, "optional_accel"), End(request), Report(request, 2)]);
        }

        var coldStart = Assert.Single(Parse.Lines([.. lines]).ColdStarts);

        var retries = coldStart.Roots.Where(r => r.Name == "optional_accel").ToList();
        Assert.Equal(requests.Skip(1), retries.Select(r => r.RequestId));
        Assert.All(retries, r => Assert.Equal(ImportPhase.Invoke, r.Phase));
        Assert.Equal(Enumerable.Range(0, 39).Sum(i => 10L + i), coldStart.InvokeImportMicros);
        Assert.Equal(0, coldStart.FirstInvocationImportMicros);
    }

    [Fact]
    public void Cold_start_carries_runtime_version_init_type_interpreter_and_first_report()
    {
        var coldStart = Assert.Single(Parse.Lines(TodaysLog()).ColdStarts);

        Assert.Equal("python:3.13.v14", coldStart.RuntimeVersion);
        Assert.Equal("on-demand", coldStart.InitType);
        Assert.Equal("/var/lang/bin/python3.13", coldStart.Interpreter);
        Assert.Equal(RequestA, coldStart.FirstReport?.RequestId);
        Assert.Equal(130.49, coldStart.FirstReport?.InitDurationMs);
        Assert.Equal(130.49, coldStart.InitDurationMs);
    }

    [Fact]
    public void Every_report_is_an_invocation_and_only_the_first_after_init_is_cold()
    {
        var result = Parse.Lines(TodaysLog());

        Assert.Equal([RequestA, RequestB], result.Invocations.Select(i => i.RequestId));
        Assert.Equal([true, false], result.Invocations.Select(i => i.IsColdStart));
        var metrics = result.Invocations[0].Metrics;
        Assert.Equal(new ReportMetrics(RequestA, 15.74, 16, 128, 56, 130.49, null, null), metrics);
    }

    [Fact]
    public void Lines_are_counted_as_used_or_ignored()
    {
        var result = Parse.Lines(TodaysLog());

        Assert.Equal(TodaysLog().Length, result.LinesRead);
        Assert.Equal(2, result.LinesIgnored);
        Assert.Equal(0, result.Skipped.Total);
        Assert.Equal(InputFormat.LambdaText, Assert.Single(result.Sources).DetectedFormat);
    }

    [Fact]
    public void Report_with_restore_duration_is_cold_and_marks_snap_start_when_nothing_else_says()
    {
        var result = Parse.Lines([.. InitImports(), Start(RequestA), End(RequestA), Report(RequestA, 3.2, restore: 412.5)]);

        var invocation = Assert.Single(result.Invocations);
        Assert.True(invocation.IsColdStart);
        Assert.Equal(412.5, invocation.Metrics.RestoreDurationMs);
        Assert.Equal(413, invocation.Metrics.BilledRestoreDurationMs);
        Assert.Equal("snap-start", Assert.Single(result.ColdStarts).InitType);
    }

    [Fact]
    public void Init_report_gives_the_init_duration_of_a_provisioned_environment()
    {
        var result = Parse.Lines([InitStart(), Wrapper("provisioned-concurrency"), .. InitImports(),
            "INIT_REPORT Init Duration: 401.22 ms\tPhase: init\tStatus: success", Start(RequestA), End(RequestA), Report(RequestA, 4)]);

        var coldStart = Assert.Single(result.ColdStarts);
        Assert.Equal("provisioned-concurrency", coldStart.InitType);
        Assert.Equal(401.22, coldStart.InitDurationMs);
        Assert.Null(coldStart.FirstReport?.InitDurationMs);
    }

    [Fact]
    public void Report_fields_separated_by_spaces_instead_of_tabs_still_parse()
    {
        var line = Report(RequestA, 15.74, init: 130.49).Replace('\t', ' ');

        var metrics = Assert.Single(Parse.Lines(line).Invocations).Metrics;

        Assert.Equal(15.74, metrics.DurationMs);
        Assert.Equal(16, metrics.BilledDurationMs);
        Assert.Equal(130.49, metrics.InitDurationMs);
    }

    [Fact]
    public void A_second_INIT_START_in_the_same_stream_begins_another_cold_start()
    {
        var result = Parse.Lines([.. TodaysLog(), InitStart("python:3.13.v15"), .. InitImports(), Start(RequestC), End(RequestC), Report(RequestC, 9, init: 120)]);

        Assert.Equal(2, result.ColdStarts.Count);
        Assert.Equal("python:3.13.v15", result.ColdStarts[1].RuntimeVersion);
        Assert.Equal(RequestC, result.ColdStarts[1].FirstReport?.RequestId);
    }

    private static string[] OldConsoleLog() =>
    [
        Start(RequestA),
        .. InitImports(),
        "app: module loaded",
        .. LazyImports(),
        End(RequestA),
        Report(RequestA, 150.2, init: 130.49),
        Start(RequestB),
        ImportTimeText.Row(800, 800, 0, "csv"),
        End(RequestB),
        Report(RequestB, 2.0),
    ];

    [Fact]
    public void Init_output_logged_after_START_is_reported_unknown_not_guessed()
    {
        var coldStart = Assert.Single(Parse.Lines(OldConsoleLog()).ColdStarts);

        Assert.Equal(PhaseSplit.Unknown, coldStart.Split);
        Assert.Equal(["json", "app.handler", "sqlite3"], coldStart.Roots.Take(3).Select(r => r.Name));
        Assert.All(coldStart.Roots.Take(3), r => Assert.Equal(ImportPhase.Unknown, r.Phase));
        // a later request's imports are lazy whatever happened before
        Assert.Equal(ImportPhase.Invoke, coldStart.Roots[3].Phase);
        Assert.Equal(RequestB, coldStart.Roots[3].RequestId);
    }

    [Fact]
    public void Split_after_marker_splits_init_output_logged_after_START()
    {
        var options = new ParseOptions { SplitAfter = new Regex("^app: module loaded$") };

        var coldStart = Assert.Single(Parse.Text(string.Join("\n", OldConsoleLog()), options).ColdStarts);

        Assert.Equal(PhaseSplit.Known, coldStart.Split);
        Assert.Equal([ImportPhase.Init, ImportPhase.Init, ImportPhase.Invoke, ImportPhase.Invoke], coldStart.Roots.Select(r => r.Phase));
        Assert.Equal(RequestA, coldStart.Roots[2].RequestId);
    }

    [Fact]
    public void Split_after_marker_that_never_matches_leaves_the_split_unknown()
    {
        var options = new ParseOptions { SplitAfter = new Regex("no such line") };

        var coldStart = Assert.Single(Parse.Text(string.Join("\n", OldConsoleLog()), options).ColdStarts);

        Assert.Equal(PhaseSplit.Unknown, coldStart.Split);
        Assert.All(coldStart.Roots.Take(3), r => Assert.Equal(ImportPhase.Unknown, r.Phase));
    }

    [Fact]
    public void Import_between_an_END_and_the_next_START_belongs_to_no_request()
    {
        var result = Parse.Lines([.. TodaysLog()[..^3], ImportTimeText.Row(700, 700, 0, "csv"), Start(RequestB), End(RequestB), Report(RequestB, 2.10)]);

        var csv = Assert.Single(result.ColdStarts).Roots.Single(r => r.Name == "csv");
        Assert.Equal(ImportPhase.Unknown, csv.Phase);
        Assert.Null(csv.RequestId);
        Assert.Equal(PhaseSplit.Known, result.ColdStarts[0].Split);
    }

    [Fact]
    public void Broken_platform_lines_are_counted()
    {
        var result = Parse.Lines("REPORT RequestId: abc\tDuration: ms", "START RequestId: ");

        Assert.Equal(2, result.Skipped[SkipReason.UnparseablePlatformLine]);
        Assert.Empty(result.Invocations);
    }
}
