using ColdStart.Analysis.Tests.Support;
using Xunit.Abstractions;
using static ColdStart.Analysis.Tests.Support.LambdaLines;

namespace ColdStart.Analysis.Tests.Parsing;

/// <summary>
/// Real CPython output of a function that starts a child interpreter with multiprocessing's spawn context: the child
/// inherits <c>-X importtime</c> (or <c>PYTHONPROFILEIMPORTTIME</c>) and prints its own profile into the same log.
/// </summary>
public class ChildProcessTests(ITestOutputHelper output)
{
    // Prints START/END/REPORT around the "handler" the way Lambda's log shows them; imports are real.
    private const string Function = """
        import sys

        def log(line):
            print(line, file=sys.stderr, flush=True)

        def work(x):
            return x * 2

        def spawn():
            import multiprocessing
            process = multiprocessing.get_context("spawn").Process(target=work, args=(1,))
            process.start()
            process.join()

        if __name__ == "__main__":
            import json
            if sys.argv[1] == "init":
                spawn()
            log("START RequestId: 8f5c1d1e-0b1a-4c55-9a3e-2a7d0c3f9b11 Version: $LATEST")
            if sys.argv[1] == "invoke":
                spawn()
            log("END RequestId: 8f5c1d1e-0b1a-4c55-9a3e-2a7d0c3f9b11")
            log("REPORT RequestId: 8f5c1d1e-0b1a-4c55-9a3e-2a7d0c3f9b11\tDuration: 5.00 ms\tBilled Duration: 5 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\tInit Duration: 100.00 ms")
        """;

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var version in LocalPython.Versions)
        {
            data.Add(version, false);
            data.Add(version, true);
        }

        return data;
    }

    /// <summary>The log of one environment: INIT_START, then everything the interpreter (and its children) wrote to stderr.</summary>
    private string? LambdaLog(string version, string when, bool environmentVariable)
    {
        var python = LocalPython.Find(version);
        if (python is null)
        {
            output.WriteLine($"CPython {version} is not installed here; skipped.");
            return null;
        }

        var dir = Directory.CreateTempSubdirectory("coldstart-child-");
        try
        {
            var script = Path.Combine(dir.FullName, "function.py");
            File.WriteAllText(script, Function);
            // -E would make the interpreter ignore PYTHONPROFILEIMPORTTIME, so only -s (no user site) in that case
            string[] args = environmentVariable ? ["-s", script, when] : ["-I", "-X", "importtime", script, when];
            var environment = environmentVariable ? new Dictionary<string, string> { ["PYTHONPROFILEIMPORTTIME"] = "1" } : null;
            var exit = ProcessRunner.Run(python, args, out _, out var stderr, environment);
            Assert.True(exit == 0, $"{python} exited {exit}: {stderr}");
            Assert.True(stderr.Split('\n').Count(l => l.StartsWith(ImportTimeText.Header, StringComparison.Ordinal)) >= 2, "the child printed no profile");
            return InitStart("python:" + version + ".v1") + "\n" + stderr;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_child_started_in_the_handler_is_subprocess_time_of_that_invocation_never_a_new_cold_start(string version, bool environmentVariable)
    {
        if (LambdaLog(version, "invoke", environmentVariable) is not { } log)
        {
            return;
        }

        var result = Parse.Text(log, name: $"python{version}.log");

        var coldStart = Assert.Single(result.ColdStarts);
        Assert.Equal(0, result.IncompleteColdStarts.Total);
        Assert.InRange(coldStart.Subprocesses, 1, 3);
        Assert.True(coldStart.SubprocessImportMicros > 0);
        // a process times a module once (unless the import fails and is tried again, as nt is on Linux): the parent's forest
        // repeats no name the parent did not repeat itself before the child started, so no child row (encodings, site…) is in it
        var repeated = coldStart.AllImports.GroupBy(n => n.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Subset(RepeatedBeforeTheFirstChild(log), repeated.ToHashSet());
        Assert.Contains("json", coldStart.Roots.Where(r => r.Phase == ImportPhase.Init).Select(r => r.Name));
        Assert.Contains("multiprocessing", coldStart.Roots.Where(r => r.Phase == ImportPhase.Invoke).Select(r => r.Name));
        // init is known; what the parent imported in that request after the child started cannot be told apart
        Assert.NotNull(coldStart.InitImportMicros);
        Assert.Null(coldStart.FirstInvocationImportMicros);
        Assert.Null(coldStart.InvokeImportMicros);
        Parse.AssertAccounted(result);

        var report = ImportTimeReport.Build(result);
        Assert.NotNull(report.MedianInitImportMs);
        Assert.Equal(coldStart.Subprocesses, report.Summary.Subprocesses);
        Assert.Equal(0, report.Summary.FirstInvocationLazyImportMs.Count);
        output.WriteLine($"{version}: {coldStart.Subprocesses} children, {coldStart.SubprocessImportMicros} µs of their imports");
    }

    private static HashSet<string> RepeatedBeforeTheFirstChild(string log)
    {
        var lines = log.Split('\n');
        var headers = lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith(ImportTimeText.Header, StringComparison.Ordinal)).Select(x => x.i).ToList();
        return lines[..headers[1]].Where(l => l.StartsWith("import time:", StringComparison.Ordinal) && l != ImportTimeText.Header)
            .Select(l => l.Split('|')[2].Trim()).GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_child_started_during_init_makes_the_init_figure_unknown(string version, bool environmentVariable)
    {
        if (LambdaLog(version, "init", environmentVariable) is not { } log)
        {
            return;
        }

        var result = Parse.Text(log);

        var coldStart = Assert.Single(result.ColdStarts);
        Assert.True(coldStart.Subprocesses >= 1);
        Assert.Null(coldStart.InitImportMicros);
        var report = ImportTimeReport.Build(result);
        Assert.Null(report.MedianInitImportMs);
        Assert.Equal(1, report.Summary.ColdStartsWithUnknownInitImports);
        Assert.Equal(0, report.Summary.InitImportMs.Count);
    }

    [Fact]
    public void A_child_header_while_the_parent_is_inside_an_import_leaves_the_cold_start_out()
    {
        var result = Parse.Lines(
            InitStart(),
            Wrapper(),
            ImportTimeText.Header,
            ImportTimeText.Row(100, 100, 1, "pool_helper"),
            ImportTimeText.Header,
            ImportTimeText.Row(300, 300, 0, "encodings"),
            ImportTimeText.Row(500, 900, 0, "mylib"),
            Start(RequestA),
            End(RequestA),
            Report(RequestA, 3, init: 50));

        Assert.Empty(result.ColdStarts);
        Assert.Equal(1, result.IncompleteColdStarts[IncompleteReason.SubprocessInsideImport]);
    }

    [Fact]
    public void In_a_raw_capture_a_header_after_rows_is_the_next_run_appended_to_the_file()
    {
        var result = Parse.Lines([.. InitImports(), .. InitImports()]);

        Assert.Equal(2, result.ColdStarts.Count);
        Assert.All(result.ColdStarts, c => Assert.Equal(0, c.Subprocesses));
    }

    [Fact]
    public void A_failed_init_followed_by_a_re_init_inside_the_first_request_is_a_new_cold_start_not_a_child()
    {
        var result = Parse.Lines(
        [
            InitStart(),
            .. InitImports(),
            "INIT_REPORT Init Duration: 250.00 ms\tPhase: init\tStatus: error\tError Type: Runtime.Unknown",
            Start(RequestA),
            .. InitImports(),
            "INIT_REPORT Init Duration: 240.00 ms\tPhase: invoke\tStatus: success",
            End(RequestA),
            Report(RequestA, 260),
        ]);

        Assert.Equal(2, result.ColdStarts.Count);
        Assert.All(result.ColdStarts, c => Assert.Equal(0, c.Subprocesses));
        // the re-init's output came after START: its split is unknown, never guessed
        Assert.Equal(PhaseSplit.Unknown, result.ColdStarts[1].Split);
    }
}
