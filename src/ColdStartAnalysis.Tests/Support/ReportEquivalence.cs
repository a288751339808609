using ColdStart.Analysis.Parsing.Internal;

namespace ColdStart.Analysis.Tests.Support;

/// <summary>
/// Asserts that a report built by the streaming aggregation holds exactly the figures of <see cref="ReferenceReport"/> (the
/// aggregation before streaming): every count, every percentile bit for bit, every top list in order, the whole tree in
/// order. Compared field by field, not through a renderer.
/// </summary>
internal static class ReportEquivalence
{
    /// <summary>The option sets every equivalence test runs: the defaults, and each CLI option at values that cut.</summary>
    public static IReadOnlyList<ReportOptions> OptionSets { get; } =
    [
        new ReportOptions(),
        new ReportOptions { Top = 0 },
        new ReportOptions { Top = 3 },
        new ReportOptions { Top = int.MaxValue },
        new ReportOptions { MaxDepth = 0 },
        new ReportOptions { MaxDepth = 1, MinMs = 0.5 },
        new ReportOptions { MinMs = 1 },
        new ReportOptions { MinMs = 5 },
        new ReportOptions { ModulePrefix = "json" },
        new ReportOptions { ModulePrefix = "m1", MaxDepth = 3 },
        new ReportOptions { ModulePrefix = "_", MinMs = 0.1 },
        new ReportOptions { ModulePrefix = "no-such-module" },
    ];

    /// <summary>
    /// Parses the sources once into a <see cref="ParseResult"/> and once streaming, and checks the reference report of the
    /// parse against <see cref="ImportTimeReport.Build"/> of the same parse and against <see cref="ImportTimeReport.Read"/>,
    /// under every option set. Returns the parse for further checks.
    /// </summary>
    public static ParseResult AssertSameEverywhere(Func<IReadOnlyList<LogSource>> sources, ParseOptions? parseOptions = null)
    {
        var parsed = LogParser.Parse(sources(), parseOptions);
        foreach (var options in OptionSets)
        {
            var expected = ReferenceReport.Build(parsed, options);
            var built = ImportTimeReport.Build(parsed, options);
            AssertSame(expected, built, $"Build, {Describe(options)}");
            var streamed = new (ImportTimeReport Report, string How)[]
            {
                (ImportTimeReport.Read(sources(), parseOptions, options), "Read"),

                // the aggregation thread from the first cold start on (a small log is otherwise read on one thread)
                (ImportTimeReport.ReadWithThreshold(sources(), parseOptions, options, synchronousRows: 0, PathFolder.DefaultFoldAfterRows, RowSpill.DefaultSpillAfterRows), "Read on a second thread"),

                // init-phase rows folded into one row per path after every root where that can be done (a cold start is
                // otherwise folded only past tens of thousands of rows)
                (ImportTimeReport.ReadWithThreshold(sources(), parseOptions, options, synchronousRows: 0, foldAfterRows: 1, RowSpill.DefaultSpillAfterRows), "Read with folding"),

                // every Lambda environment's rows written to a temporary file when its first invocation ends, and read back
                // when it closes or a later request adds to it (otherwise only past 65,536 open rows)
                (ImportTimeReport.ReadWithThreshold(sources(), parseOptions, options, synchronousRows: 0, PathFolder.DefaultFoldAfterRows, spillAfterRows: 0), "Read with open rows spilled"),
            };
            foreach (var (report, how) in streamed)
            {
                var context = $"{how}, {Describe(options)}";
                AssertSame(expected, report, context);

                // figures the reference (the aggregation before streaming) did not have: as the parsed model gives them
                AssertPercentiles(built.Summary.InitModulesImported, report.Summary.InitModulesImported, $"{context}: init modules imported");
                AssertPercentiles(built.Summary.HandlerModulesImported, report.Summary.HandlerModulesImported, $"{context}: handler modules imported");
            }
        }

        return parsed;
    }

    public static void AssertSame(ReferenceReport expected, ImportTimeReport actual, string context)
    {
        AssertSummary(expected.Summary, actual.Summary, context);
        AssertModules(expected.TopBySelf, actual.TopBySelf, $"{context}: top by self");
        AssertModules(expected.TopByCumulative, actual.TopByCumulative, $"{context}: top by cumulative");
        AssertModules(expected.LazyImports, actual.LazyImports, $"{context}: lazy imports");
        AssertNumber(expected.MedianInitImportMs, actual.MedianInitImportMs, $"{context}: median init import");
        Equal(expected.Split, actual.Split, $"{context}: split");
        AssertTree(expected.Tree, actual.Tree, $"{context}: tree");
        Equal(expected.IneffectiveLazyImports is null, actual.IneffectiveLazyImports is null, $"{context}: ineffective lazy imports known");
        Equal(expected.ColdStartsWithCachedRows, actual.ColdStartsWithCachedRows, $"{context}: cold starts with cached rows");
        Equal(string.Join("; ", expected.IneffectiveLazyImports ?? []), string.Join("; ", actual.IneffectiveLazyImports ?? []), $"{context}: ineffective lazy imports");
    }

    private static void AssertSummary(ReportSummary expected, ReportSummary actual, string context)
    {
        Equal(expected.ColdStarts, actual.ColdStarts, $"{context}: cold starts");
        Equal(
            string.Join(", ", expected.ColdStartsByInitType.Select(t => $"{t.Key}={t.Value}")),
            string.Join(", ", actual.ColdStartsByInitType.Select(t => $"{t.Key}={t.Value}")),
            $"{context}: cold starts by init type (in order)");
        Equal(expected.ColdStartsWithUnknownSplit, actual.ColdStartsWithUnknownSplit, $"{context}: unknown split");
        AssertPercentiles(expected.InitDurationMs, actual.InitDurationMs, $"{context}: init duration");
        AssertPercentiles(expected.InitImportMs, actual.InitImportMs, $"{context}: init imports");
        AssertPercentiles(expected.FirstInvocationDurationMs, actual.FirstInvocationDurationMs, $"{context}: first invocation duration");
        AssertPercentiles(expected.FirstInvocationLazyImportMs, actual.FirstInvocationLazyImportMs, $"{context}: first invocation lazy imports");
        Equal(expected.Invocations, actual.Invocations, $"{context}: invocations");
        Equal(expected.ColdInvocations, actual.ColdInvocations, $"{context}: cold invocations");
        Equal(expected.LinesRead, actual.LinesRead, $"{context}: lines read");
        Equal(expected.LinesUsed, actual.LinesUsed, $"{context}: lines used");
        Equal(expected.LinesIgnored, actual.LinesIgnored, $"{context}: lines ignored");
        Equal(expected.BytesRead, actual.BytesRead, $"{context}: bytes read");
        Equal(string.Join(", ", expected.Skipped.NonZero), string.Join(", ", actual.Skipped.NonZero), $"{context}: skipped");
        Equal(string.Join(", ", expected.Sources), string.Join(", ", actual.Sources), $"{context}: sources");
        Equal(string.Join(", ", expected.IncompleteColdStarts.NonZero), string.Join(", ", actual.IncompleteColdStarts.NonZero), $"{context}: incomplete");
        Equal(expected.ColdStartsWithUnknownInitImports, actual.ColdStartsWithUnknownInitImports, $"{context}: unknown init imports");
        Equal(expected.Subprocesses, actual.Subprocesses, $"{context}: subprocesses");
        Equal(expected.ColdStartsWithSubprocesses, actual.ColdStartsWithSubprocesses, $"{context}: cold starts with subprocesses");
        AssertPercentiles(expected.SubprocessImportMs, actual.SubprocessImportMs, $"{context}: subprocess imports");
    }

    private static void AssertModules(IReadOnlyList<ModuleStat> expected, IReadOnlyList<ModuleStat> actual, string context)
    {
        Equal(string.Join(", ", expected.Select(m => m.Name)), string.Join(", ", actual.Select(m => m.Name)), $"{context}: names in order");
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a, at) = (expected[i], actual[i], $"{context}: {expected[i].Name}");
            Equal(e.Class, a.Class, $"{at}: class");
            Equal(e.Phase, a.Phase, $"{at}: phase");
            AssertNumber(e.MedianMs, a.MedianMs, $"{at}: median");
            AssertNumber(e.MinMs, a.MinMs, $"{at}: min");
            AssertNumber(e.MaxMs, a.MaxMs, $"{at}: max");
            AssertNumber(e.MedianSelfMs, a.MedianSelfMs, $"{at}: median self");
            AssertNumber(e.MedianCumulativeMs, a.MedianCumulativeMs, $"{at}: median cumulative");
            Equal(e.ColdStarts, a.ColdStarts, $"{at}: cold starts");
            AssertNumber(e.MedianFirstInvocationMs, a.MedianFirstInvocationMs, $"{at}: median first invocation");
        }
    }

    /// <summary>Walks both trees side by side with an explicit stack (the trees can be thousands of levels deep).</summary>
    private static void AssertTree(IReadOnlyList<ReferenceReport.Node> expected, IReadOnlyList<TreeNode> actual, string context)
    {
        var stack = new Stack<(IReadOnlyList<ReferenceReport.Node> Expected, IReadOnlyList<TreeNode> Actual, string Where)>();
        stack.Push((expected, actual, "/"));
        while (stack.Count > 0)
        {
            var (e, a, where) = stack.Pop();
            Equal(string.Join(", ", e.Select(n => n.Key)), string.Join(", ", a.Select(Key)), $"{context}: children of {where} in order");
            for (var i = 0; i < e.Count; i++)
            {
                var at = $"{context}: {where}{e[i].Key}";
                Equal(e[i].Name, a[i].Name, $"{at}: name");
                Equal(e[i].Depth, a[i].Depth, $"{at}: depth");
                Equal(e[i].Phase, a[i].Phase, $"{at}: phase");
                Equal(e[i].Class, a[i].Class, $"{at}: class");
                AssertNumber(e[i].MedianSelfMs, a[i].MedianSelfMs, $"{at}: median self");
                AssertNumber(e[i].MedianCumulativeMs, a[i].MedianCumulativeMs, $"{at}: median cumulative");
                AssertNumber(e[i].MinCumulativeMs, a[i].MinCumulativeMs, $"{at}: min cumulative");
                AssertNumber(e[i].MaxCumulativeMs, a[i].MaxCumulativeMs, $"{at}: max cumulative");
                Equal(e[i].ColdStarts, a[i].ColdStarts, $"{at}: cold starts");
                Equal(e[i].CachedColdStarts, a[i].CachedColdStarts, $"{at}: cached cold starts");
                if (a[i].Depth == 0)
                {
                    Equal(e[i].Key, a[i].Path, $"{at}: path");
                }

                stack.Push((e[i].Children, a[i].Children, e[i].Depth < 20 ? $"{where}{e[i].Key}/" : $"(depth {e[i].Depth + 1}) "));
            }
        }
    }

    /// <summary>The last part of <see cref="TreeNode.Path"/>, without walking the ancestors.</summary>
    private static string Key(TreeNode node) => node.Depth == 0 && node.Phase != ImportPhase.Init ? $"{node.Phase}:{node.Name}" : node.Name;

    private static void AssertPercentiles(Percentiles expected, Percentiles actual, string context)
    {
        Equal(expected.Count, actual.Count, $"{context}: count");
        AssertNumber(expected.P50, actual.P50, $"{context}: p50");
        AssertNumber(expected.P90, actual.P90, $"{context}: p90");
        AssertNumber(expected.P99, actual.P99, $"{context}: p99");
        AssertNumber(expected.Max, actual.Max, $"{context}: max");
    }

    /// <summary>The same double bit for bit (so 0.1 + 0.2 and 0.3 differ), or both null.</summary>
    private static void AssertNumber(double? expected, double? actual, string context) => Equal(
        expected is { } e ? $"{e:R} (0x{BitConverter.DoubleToInt64Bits(e):x16})" : "null",
        actual is { } a ? $"{a:R} (0x{BitConverter.DoubleToInt64Bits(a):x16})" : "null",
        context);

    private static void Equal<T>(T expected, T actual, string context)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            Assert.Fail($"{context}: expected {expected}, got {actual}");
        }
    }

    private static string Describe(ReportOptions o) =>
        $"options top={o.Top} max-depth={o.MaxDepth?.ToString() ?? "none"} min-ms={o.MinMs} module={o.ModulePrefix ?? "none"}";
}
