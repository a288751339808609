using System.Globalization;
using System.Text;
using ColdStart.Analysis.Parsing.Internal;
using ColdStart.Analysis.Tests.Support;
using static ColdStart.Analysis.Tests.Support.LambdaLines;

namespace ColdStart.Analysis.Tests.Reporting;

/// <summary>
/// The streaming aggregation (<see cref="ImportTimeReport.Build"/> and <see cref="ImportTimeReport.Read"/>) gives exactly the
/// figures of the aggregation before it (<see cref="ReferenceReport"/>): on the committed sample, on real CPython output, on
/// the parser's fixture shapes, and on generated logs whose environments interleave so cold starts close out of the order
/// they began.
/// </summary>
public class StreamingReportEquivalenceTests
{
    private const string StreamA = "2024/05/01/[$LATEST]aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string StreamB = "2024/05/01/[$LATEST]bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private static readonly string[] Names =
    [
        "json", "json.decoder", "_json", "boto3", "botocore", "tomllib", "app.handler", "app", "sqlite3", "_sqlite3", "asyncio",
        "typing", "re", "yaml", "requests", "urllib3", "bootstrap", "m1", "m10", "_m",
    ];

    private static readonly string[] Versions = ["3.9", "3.10", "3.11", "3.12", "3.13"];

    [Fact]
    public void The_committed_sample_gives_the_same_report()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "lambda-console.log");

        var parsed = ReportEquivalence.AssertSameEverywhere(() => [LogSource.FromFile(sample)], new ParseOptions { HandlerModule = "app.handler" });

        Assert.True(parsed.ColdStarts.Count >= 2);
    }

    [Fact]
    public void Real_cpython_output_gives_the_same_report()
    {
        var python = LocalPython.Versions.Select(LocalPython.Find).FirstOrDefault(p => p is not null);
        Assert.NotNull(python);
        var runs = new StringBuilder();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, ProcessRunner.Run(python, ["-X", "importtime", "-c", "import json, asyncio, email.parser, sqlite3"], out _, out var stderr));
            runs.Append(stderr);
        }

        var parsed = ReportEquivalence.AssertSameEverywhere(() => [LogSource.FromText("runs.log", runs.ToString())]);

        Assert.Equal(3, parsed.ColdStarts.Count);
    }

    [Fact]
    public void Interleaved_environments_of_different_python_versions_give_the_same_report()
    {
        // B begins after A but closes first; tomllib is standard library on 3.11, not on 3.10: the class is the first cold start's
        var a = Environment("python:3.10.v30", RequestA, [(0, "tomllib", 300), (1, "re", 100), (0, "json", 50)], lazy: [(0, "sqlite3", 700)]);
        var b = Environment("python:3.11.v30", RequestB, [(0, "json", 40), (0, "tomllib", 200), (1, "typing", 10)], lazy: [(0, "yaml", 900)]);
        var lines = a.Take(4).Select(l => (StreamA, l)).Concat(b.Select(l => (StreamB, l))).Concat(a.Skip(4).Select(l => (StreamA, l)))
            .Append((StreamB, InitStart("python:3.11.v30"))).Append((StreamB, Wrapper()));

        var parsed = ReportEquivalence.AssertSameEverywhere(() => [LogSource.FromText("tail.log", Tail(lines))]);

        Assert.Equal([StreamA, StreamB], parsed.ColdStarts.Select(c => c.Stream));
        Assert.Equal(ModuleClass.ThirdParty, ImportTimeReport.Read([LogSource.FromText("tail.log", Tail(lines))]).TopBySelf.Single(m => m.Name == "tomllib").Class);
    }

    [Fact]
    public void Child_processes_cached_rows_and_an_unknown_split_give_the_same_report()
    {
        string[] lines =
        [
            // a child Python process prints its profile during init
            InitStart(), Wrapper(), ImportTimeText.Header, ImportTimeText.Row(100, 100, 0, "encodings"),
            ImportTimeText.Header, ImportTimeText.Row(300, 300, 0, "pool_helper"), ImportTimeText.Row(500, 900, 0, "mylib"),
            Start(RequestA), End(RequestA), Report(RequestA, 12.5, init: 210.25),
            // 3.14 cached rows
            InitStart("python:3.14.v1"), Wrapper(interpreter: "/var/lang/bin/python3.14"), ImportTimeText.Header,
            ImportTimeText.Row(120, 120, 1, "_json"), ImportTimeText.CachedRow(2, "re"), ImportTimeText.Row(900, 1020, 0, "json"),
            Start(RequestB), ImportTimeText.CachedRow(1, "json"), ImportTimeText.Row(40, 40, 0, "app"), End(RequestB), Report(RequestB, 8, init: 180),
        ];
        string[] older =
        [
            // init output after START, no marker: the split is unknown
            Start(RequestC), ImportTimeText.Header, ImportTimeText.Row(100, 100, 1, "_json"), ImportTimeText.Row(900, 1000, 0, "json"),
            End(RequestC), Report(RequestC, 30, init: 250),
        ];

        var parsed = ReportEquivalence.AssertSameEverywhere(
            () => [LogSource.FromText("console.log", string.Join("\n", lines) + "\n"), LogSource.FromText("older.log", string.Join("\n", older) + "\n")]);

        Assert.Equal(3, parsed.ColdStarts.Count);
        Assert.Contains(parsed.ColdStarts, c => c.Subprocesses > 0);
        Assert.Contains(parsed.ColdStarts, c => c.Split == PhaseSplit.Unknown);
    }

    [Fact]
    public void A_split_after_marker_and_several_inputs_give_the_same_report()
    {
        string[] first = [Start(RequestA), ImportTimeText.Header, ImportTimeText.Row(100, 100, 0, "boto3"), "init done", ImportTimeText.Row(50, 50, 0, "yaml"), End(RequestA), Report(RequestA, 3, init: 90)];
        string[] second = [.. Environment("python:3.12.v1", RequestB, [(0, "boto3", 80), (0, "app", 20)], lazy: [(0, "yaml", 60)])];
        var options = new ParseOptions { SplitAfter = new System.Text.RegularExpressions.Regex("init done") };

        var parsed = ReportEquivalence.AssertSameEverywhere(
            () => [LogSource.FromText("one.log", string.Join("\n", first) + "\n"), LogSource.FromText("two.log", string.Join("\n", second) + "\n")], options);

        Assert.Equal(2, parsed.ColdStarts.Count);
    }

    [Fact]
    public void Logs_without_a_complete_cold_start_give_the_same_empty_report()
    {
        string[] cut = [InitStart(), Wrapper(), ImportTimeText.Header, ImportTimeText.Row(100, 100, 1, "_json")];

        var parsed = ReportEquivalence.AssertSameEverywhere(() => [LogSource.FromText("cut.log", string.Join("\n", cut) + "\n")]);

        Assert.Empty(parsed.ColdStarts);
        Assert.Equal(1, parsed.IncompleteColdStarts.Total);
    }

    [Fact]
    public void Times_beyond_32_bits_of_microseconds_give_the_same_report()
    {
        // the first runs fit in 32 bits, a later one does not: the histograms move to 64-bit values mid-way
        var runs = new[] { 100L, 120, 100, 5_000_000_000, 110, (long)int.MaxValue + 1, int.MaxValue, 100 }.Select(self => string.Join("\n",
            ImportTimeText.Header,
            ImportTimeText.Row(7, 7, 1, "_json"),
            ImportTimeText.Row(self, self + 7, 0, "json"),
            ImportTimeText.Row(self * 2, self * 2, 0, "boto3")));
        var text = string.Join("\n", runs) + "\n";

        var parsed = ReportEquivalence.AssertSameEverywhere(() => [LogSource.FromText("long.log", text)]);

        Assert.Equal(8, parsed.ColdStarts.Count);
        Assert.Equal(10_000_000_000, parsed.ColdStarts.Max(c => c.Roots.Max(r => r.CumulativeMicros)));
    }

    [Fact]
    public void A_deep_import_chain_gives_the_same_report()
    {
        const int Depth = 3000;
        var rows = new List<string> { ImportTimeText.Header };
        for (var depth = Depth - 1; depth >= 0; depth--)
        {
            rows.Add(ImportTimeText.Row(10, 10 * (Depth - depth), depth, $"m{depth}"));
        }

        var text = string.Join("\n", rows.Concat(rows)) + "\n";

        var parsed = ReportEquivalence.AssertSameEverywhere(() => [LogSource.FromText("deep.log", text)]);

        Assert.Equal(2, parsed.ColdStarts.Count);
    }

    [Fact]
    public void Environments_changed_after_their_first_invocation_give_the_same_report()
    {
        // environments stay open to the end of the input: what a later request adds (or cuts) decides how each counts
        const string StreamC = "2024/05/01/[$LATEST]cccccccccccccccccccccccccccccccc";
        const string StreamD = "2024/05/01/[$LATEST]dddddddddddddddddddddddddddddddd";
        const string StreamE = "2024/05/01/[$LATEST]eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";
        string[] FirstInvocation(string request, string only, long scale) =>
        [
            InitStart("python:3.12.v3"), Wrapper(), ImportTimeText.Header,
            .. Rows([(0, "boto3", 9 * scale), (1, "botocore", 20 * scale), (0, only, 3 * scale)]),
            Start(request), .. Rows([(0, "yaml", 4 * scale)]), End(request), Report(request, 10, init: 300),
        ];

        // A: a later request imports a module lazily; B: a later request's import is cut (B ends incomplete, and took a
        // module and a path no other environment has); C: a child process prints into a later request; D: unchanged;
        // E began before A but its first invocation ends after A's
        var lines = new List<(string Stream, string Line)>();
        lines.AddRange(FirstInvocation("e1", "only_e", 5).Take(6).Select(l => (StreamE, l)));
        lines.AddRange(FirstInvocation("a1", "only_a", 1).Select(l => (StreamA, l)));
        lines.AddRange(FirstInvocation("b1", "only_b", 2).Select(l => (StreamB, l)));
        lines.AddRange(FirstInvocation("c1", "only_c", 3).Select(l => (StreamC, l)));
        lines.AddRange(FirstInvocation("d1", "only_d", 4).Select(l => (StreamD, l)));
        lines.AddRange(FirstInvocation("e1", "only_e", 5).Skip(6).Select(l => (StreamE, l)));
        lines.AddRange(new[] { Start("a2"), ImportTimeText.Row(700, 700, 0, "sqlite3"), End("a2"), Report("a2", 9) }.Select(l => (StreamA, l)));
        lines.AddRange(new[] { Start("b2"), ImportTimeText.Row(50, 50, 1, "_decimal"), End("b2"), Report("b2", 9) }.Select(l => (StreamB, l)));
        lines.AddRange(new[] { Start("c2"), ImportTimeText.Header, ImportTimeText.Row(80, 80, 0, "worker"), End("c2"), Report("c2", 9) }.Select(l => (StreamC, l)));
        lines.AddRange(new[] { Start("d2"), End("d2"), Report("d2", 9) }.Select(l => (StreamD, l)));
        var text = Tail(lines);

        var parsed = ReportEquivalence.AssertSameEverywhere(() => [LogSource.FromText("tail.log", text)]);

        Assert.Equal([StreamE, StreamA, StreamC, StreamD], parsed.ColdStarts.Select(c => c.Stream));
        var report = ImportTimeReport.Read([LogSource.FromText("tail.log", text)]);
        Assert.Equal(1, report.Summary.IncompleteColdStarts.Total);
        Assert.DoesNotContain(report.TopBySelf, m => m.Name == "only_b");
        Assert.DoesNotContain(report.Tree, n => n.Name == "only_b");
        Assert.Contains(report.LazyImports, m => m.Name == "sqlite3");
        Assert.Equal(1, report.Summary.Subprocesses);
    }

    [Fact]
    public void Cached_rows_after_folded_init_rows_give_the_same_ineffective_lazy_imports()
    {
        // 3.14: uncached roots first (folded one by one with folding after every root), then a cached row (no more folding);
        // the handler finds json, numpy and yaml cached: their loaders are folded rows (numpy's importer is pandas)
        string[] ColdStart(string request, long scale) =>
        [
            InitStart("python:3.14.v1"), Wrapper(interpreter: "/var/lang/bin/python3.14"), ImportTimeText.Header,
            ImportTimeText.Row(7 * scale, 7 * scale, 0, "json"),
            ImportTimeText.Row(4 * scale, 4 * scale, 1, "numpy"), ImportTimeText.Row(6 * scale, 10 * scale, 0, "pandas"),
            ImportTimeText.Row(scale, scale, 0, "yaml"),
            ImportTimeText.CachedRow(1, "json"), ImportTimeText.Row(3 * scale, 3 * scale, 0, "app"),
            Start(request), ImportTimeText.Row(19 * scale, 19 * scale, 1, "_sqlite3"), ImportTimeText.Row(3 * scale, 22 * scale, 0, "sqlite3"),
            ImportTimeText.CachedRow(0, "numpy"), ImportTimeText.CachedRow(0, "json"), ImportTimeText.CachedRow(0, "yaml"),
            End(request), Report(request, 20, init: 150),
        ];
        var text = string.Join("\n", ColdStart(RequestA, 100).Concat(ColdStart(RequestB, 130)).Concat(ColdStart(RequestC, 90))) + "\n";

        ReportEquivalence.AssertSameEverywhere(() => [LogSource.FromText("console.log", text)]);

        var numpy = Assert.Single(ImportTimeReport.Read([LogSource.FromText("console.log", text)]).IneffectiveLazyImports!, i => i.Name == "numpy");
        Assert.Equal((3, "pandas", (double?)0.4), (numpy.ColdStarts, numpy.LoadedBy, numpy.MedianInitCumulativeMs));
    }

    [Fact]
    public void An_enormous_cold_start_folded_at_the_default_size_gives_the_same_report()
    {
        // one header, then the same forests again and again under a runner's packages (the benchmark's enormous shape):
        // over the default fold size, so its init rows are folded while it is read; then a lazy import in a request
        var random = new Random(7);
        var rows = new List<string>();
        while (rows.Count < 3 * PathFolder.DefaultFoldAfterRows)
        {
            var forest = Forest(random, random.Next(1, 40), narrow: random.Next(2) == 0);
            var levels = random.Next(3);
            var nested = forest.Select(r => (r.Depth + levels, r.Name, r.Self)).ToList();
            for (var level = levels - 1; level >= 0; level--)
            {
                nested.Insert(0, (level, $"tasks{level}", (long)random.Next(20, 400)));
            }

            rows.AddRange(Rows(nested));
        }

        string[] lines = [InitStart("python:3.12.v9"), Wrapper(), ImportTimeText.Header, .. rows, Start(RequestA), .. Rows([(0, "yaml", 900)]), End(RequestA), Report(RequestA, 40, init: 900)];
        var text = string.Join("\n", lines) + "\n";

        var parsed = ReportEquivalence.AssertSameEverywhere(() => [LogSource.FromText("enormous.log", text)]);

        Assert.Equal(rows.Count + 1, Assert.Single(parsed.ColdStarts).AllImports.Count());
    }

    /// <summary>
    /// Property: random tail exports of 1–8 environments of random Python versions, interleaved line by line, some
    /// environments cold-starting again, some printing init output after START, with values from a narrow range (ties,
    /// repeated values) or a wide one, give the same report under every option set.
    /// </summary>
    [Fact]
    public void Generated_interleaved_logs_give_the_same_report()
    {
        for (var seed = 1; seed <= 150; seed++)
        {
            var text = GeneratedTail(new Random(seed), out var raw);
            try
            {
                var parsed = ReportEquivalence.AssertSameEverywhere(() => [LogSource.FromText(raw ? "raw.log" : "tail.log", text)]);
                Assert.True(parsed.ColdStarts.Count > 0, "the generator wrote no complete cold start");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new Xunit.Sdk.XunitException($"seed {seed}: {e.Message}\n--- log ---\n{text}");
            }
        }
    }

    /// <summary>An environment's lines: INIT_START, wrapper, header, init rows (depth, name, self µs; printed children first), a request with lazy rows.</summary>
    private static string[] Environment(string runtime, string request, (int Depth, string Name, long Self)[] init, (int Depth, string Name, long Self)[] lazy) =>
    [
        InitStart(runtime), Wrapper(), ImportTimeText.Header, .. Rows(init),
        Start(request), .. Rows(lazy), End(request), Report(request, 10.25, init: 123.5),
    ];

    /// <summary>Rows given in pre-order (depth, name, self) printed as CPython prints them: post-order, cumulative = self + children's.</summary>
    private static IEnumerable<string> Rows(IReadOnlyList<(int Depth, string Name, long Self)> preOrder)
    {
        var cumulative = new long[preOrder.Count];
        for (var i = preOrder.Count - 1; i >= 0; i--)
        {
            cumulative[i] += preOrder[i].Self;
            for (var j = i - 1; j >= 0; j--)
            {
                if (preOrder[j].Depth < preOrder[i].Depth)
                {
                    if (preOrder[j].Depth == preOrder[i].Depth - 1)
                    {
                        cumulative[j] += cumulative[i];
                    }

                    break;
                }
            }
        }

        // post-order: a row is printed once every row after it in pre-order that is deeper has been printed
        var printed = new List<string>();
        var open = new Stack<int>();
        for (var i = 0; i < preOrder.Count; i++)
        {
            while (open.Count > 0 && preOrder[open.Peek()].Depth >= preOrder[i].Depth)
            {
                var k = open.Pop();
                printed.Add(ImportTimeText.Row(preOrder[k].Self, cumulative[k], preOrder[k].Depth, preOrder[k].Name));
            }

            open.Push(i);
        }

        while (open.Count > 0)
        {
            var k = open.Pop();
            printed.Add(ImportTimeText.Row(preOrder[k].Self, cumulative[k], preOrder[k].Depth, preOrder[k].Name));
        }

        return printed;
    }

    private static (int Depth, string Name, long Self)[] Forest(Random random, int rows, bool narrow)
    {
        var result = new (int Depth, string Name, long Self)[rows];
        var depth = 0;
        for (var i = 0; i < rows; i++)
        {
            depth = i == 0 ? 0 : random.Next(0, depth + 2);
            result[i] = (depth, Names[random.Next(Names.Length)], narrow ? random.Next(1, 6) : random.Next(1, 200_000));
        }

        return result;
    }

    private static string GeneratedTail(Random random, out bool raw)
    {
        var narrow = random.Next(2) == 0;
        raw = random.Next(6) == 0;
        var environments = random.Next(1, 9);
        var perStream = new List<(string Stream, List<string> Lines)>();
        var requests = 0;
        string Request() => $"{++requests:00000000}-0b1a-4c55-9a3e-2a7d0c3f9b11";
        string Ms(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
        for (var e = 0; e < environments; e++)
        {
            var lines = new List<string>();
            var coldStarts = random.Next(1, 3);
            for (var c = 0; c < coldStarts; c++)
            {
                var runtime = $"python:{Versions[random.Next(Versions.Length)]}.v{random.Next(1, 40)}";
                var first = Request();
                if (raw)
                {
                    lines.Add(ImportTimeText.Header);
                    lines.AddRange(Rows(Forest(random, random.Next(1, 14), narrow)));
                    continue;
                }

                if (random.Next(5) == 0)
                {
                    // older console logs: the init output after START, no INIT_START
                    lines.Add(Start(first));
                    lines.Add(ImportTimeText.Header);
                }
                else
                {
                    lines.Add(InitStart(runtime));
                    if (random.Next(3) > 0)
                    {
                        lines.Add(Wrapper(random.Next(4) == 0 ? "provisioned-concurrency" : "on-demand"));
                    }

                    lines.Add(ImportTimeText.Header);
                }

                lines.AddRange(Rows(Forest(random, random.Next(1, 14), narrow)));
                if (!lines.Contains(Start(first)))
                {
                    lines.Add(Start(first));
                }

                lines.AddRange(Rows(Forest(random, random.Next(0, 5), narrow)));
                lines.Add(End(first));
                var init = random.Next(4) == 0 ? (double?)null : Math.Round(random.NextDouble() * (narrow ? 3 : 900), 2);
                lines.Add($"REPORT RequestId: {first}\tDuration: {Ms(Math.Round(random.NextDouble() * (narrow ? 3 : 90), 2))} ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 56 MB"
                    + (init is { } i ? $"\tInit Duration: {Ms(i)} ms" : ""));
                for (var r = random.Next(0, 3); r > 0; r--)
                {
                    var warm = Request();
                    lines.Add(Start(warm));
                    lines.AddRange(Rows(Forest(random, random.Next(0, 3), narrow)));
                    lines.Add(End(warm));
                    lines.Add($"REPORT RequestId: {warm}\tDuration: {Ms(random.Next(1, 40) / 4.0)} ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 56 MB");
                }
            }

            perStream.Add(($"2024/05/01/[$LATEST]{e:x32}", lines));
        }

        if (raw)
        {
            return string.Join("\n", perStream.SelectMany(s => s.Lines)) + "\n";
        }

        // interleave line by line at random, each stream's lines in order
        var merged = new List<(string Stream, string Line)>();
        var next = new int[perStream.Count];
        while (true)
        {
            var open = Enumerable.Range(0, perStream.Count).Where(s => next[s] < perStream[s].Lines.Count).ToList();
            if (open.Count == 0)
            {
                break;
            }

            var s = open[random.Next(open.Count)];
            var run = random.Next(1, 6);
            for (var k = 0; k < run && next[s] < perStream[s].Lines.Count; k++)
            {
                merged.Add((perStream[s].Stream, perStream[s].Lines[next[s]++]));
            }
        }

        return Tail(merged);
    }

    private static string Tail(IEnumerable<(string Stream, string Line)> lines) => string.Concat(lines.Select((l, i) =>
        $"{new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero).AddMilliseconds(i):yyyy-MM-ddTHH:mm:ss.fff}000+00:00 {l.Stream} {l.Line}\n"));
}
