namespace ColdStart.Analysis.Tests.Support;

/// <summary>
/// The report's aggregation as it was before the streaming accumulators (ImportTimeReport.Build, ModuleStatistics and
/// TreeMerger: one sample list per module and per merged-tree path, sorted for every percentile), kept here only to prove
/// that the streaming aggregation gives exactly the same numbers (<see cref="ReportEquivalence"/>). Do not use it for
/// anything else and do not "fix" it: it is the oracle. One rule came after it and is in both: a tree path printed twice in one
/// cold start (a 3.14 cached row beside the loaded one) is one sample of that cold start, its times summed, and cached
/// rows are counted per path (TreeMerger as it was on main when the streaming accumulators landed). Ineffective lazy imports
/// come from the library's own statistics, fed here in the order cold starts began: comparing them proves that the
/// order in which the streaming report adds cold starts does not change them.
/// </summary>
internal sealed record ReferenceReport(
    ReportSummary Summary,
    IReadOnlyList<ModuleStat> TopBySelf,
    IReadOnlyList<ModuleStat> TopByCumulative,
    IReadOnlyList<ModuleStat> LazyImports,
    IReadOnlyList<ReferenceReport.Node> Tree,
    double? MedianInitImportMs,
    PhaseSplit Split,
    IReadOnlyList<IneffectiveLazyImport>? IneffectiveLazyImports,
    int ColdStartsWithCachedRows)
{
    public static ReferenceReport Build(ParseResult result, ReportOptions? options = null)
    {
        options ??= new ReportOptions();
        var all = new ModuleStatistics();
        var lazy = new ModuleStatistics();
        var tree = new TreeMerger();
        var ineffective = new ReferenceIneffectiveLazyImports();
        long sequence = 0;
        var firstDurations = new List<double>();
        var firstLazy = new List<double?>();
        foreach (var coldStart in result.ColdStarts)
        {
            all.Add(coldStart, _ => true);
            var firstRequest = coldStart.FirstReport?.RequestId;
            lazy.Add(coldStart, IsLazyRoot, n => firstRequest is not null && n.RequestId == firstRequest ? n.CumulativeMicros / 1000.0 : null);
            tree.Add(coldStart);
            ineffective.Add(coldStart, sequence++);
            if (coldStart.FirstReport is { } report)
            {
                firstDurations.Add(report.DurationMs);
                firstLazy.Add(coldStart.FirstInvocationImportMicros / 1000.0);
            }
        }

        var initImports = result.ColdStarts.Select(c => c.InitImportMicros / 1000.0).ToList();
        var initDurations = result.Invocations.Where(i => i.Metrics.InitDurationMs is not null).Select(i => i.Metrics.InitDurationMs!.Value)
            .Concat(result.ColdStarts.Where(c => c.FirstReport?.InitDurationMs is null && c.InitDurationMs is not null).Select(c => c.InitDurationMs!.Value));
        var withChildren = result.ColdStarts.Where(c => c.Subprocesses > 0).ToList();
        var summary = new ReportSummary(
            result.ColdStarts.Count,
            result.ColdStarts.GroupBy(c => c.InitType).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            result.ColdStarts.Count(c => c.Split == PhaseSplit.Unknown),
            Percentiles.Of(initDurations),
            Percentiles.Of(initImports),
            Percentiles.Of(firstDurations),
            Percentiles.Of(firstLazy),
            result.Invocations.Count,
            result.Invocations.Count(i => i.IsColdStart),
            result.LinesRead,
            result.LinesUsed,
            result.LinesIgnored,
            result.BytesRead,
            result.Skipped,
            result.Sources,
            result.IncompleteColdStarts,
            initImports.Count(v => v is null),
            withChildren.Sum(c => c.Subprocesses),
            withChildren.Count,
            Percentiles.Of(withChildren.Select(c => c.SubprocessImportMicros / 1000.0)));

        return new ReferenceReport(
            summary,
            all.Top(options.Top, bySelf: true),
            all.Top(options.Top, bySelf: false),
            lazy.Top(int.MaxValue, bySelf: false),
            tree.Build(options),
            initImports.Count > 0 && initImports.All(v => v is not null) ? Percentiles.Of(initImports).P50 : null,
            summary.ColdStartsWithUnknownSplit > 0 ? PhaseSplit.Unknown : PhaseSplit.Known,
            summary.ColdStartsWithUnknownSplit > 0 ? null : ineffective.Build(),
            ineffective.ColdStartsWithCachedRows);
    }

    private static bool IsLazyRoot(ImportNode node) => node.Phase == ImportPhase.Invoke && node.Parent?.Phase != ImportPhase.Invoke;

    /// <summary>
    /// A node of the merged tree as the old TreeMerger built it (TreeNode's constructor is internal to the library). Key is
    /// the name, or <c>Phase:name</c> for a root of another phase than Init: the last part of <see cref="TreeNode.Path"/>.
    /// </summary>
    internal sealed record Node(
        string Name, string Key, int Depth, ImportPhase Phase, ModuleClass Class, double MedianSelfMs, double MedianCumulativeMs,
        double MinCumulativeMs, double MaxCumulativeMs, int ColdStarts, int CachedColdStarts, IReadOnlyList<Node> Children);

    /// <summary>The old per-module sample lists.</summary>
    private sealed class ModuleStatistics
    {
        private readonly Dictionary<string, Samples> _modules = new(StringComparer.Ordinal);

        public void Add(ColdStartProfile coldStart, Func<ImportNode, bool> include, Func<ImportNode, double?>? firstInvocationMs = null)
        {
            var perColdStart = new Dictionary<string, (long Self, long Cumulative, ImportNode First, double? FirstInvocation)>(StringComparer.Ordinal);
            foreach (var node in coldStart.AllImports)
            {
                if (node.Cached || !include(node))
                {
                    continue;
                }

                var added = firstInvocationMs?.Invoke(node);
                perColdStart[node.Name] = perColdStart.TryGetValue(node.Name, out var seen)
                    ? (seen.Self + node.SelfMicros, seen.Cumulative + node.CumulativeMicros, seen.First, Sum(seen.FirstInvocation, added))
                    : (node.SelfMicros, node.CumulativeMicros, node, added);
            }

            foreach (var (name, value) in perColdStart)
            {
                if (!_modules.TryGetValue(name, out var samples))
                {
                    samples = new Samples(value.First.Class);
                    _modules[name] = samples;
                }

                samples.Self.Add(value.Self / 1000.0);
                samples.Cumulative.Add(value.Cumulative / 1000.0);
                samples.Phases[(int)value.First.Phase]++;
                if (value.FirstInvocation is { } ms)
                {
                    samples.FirstInvocation.Add(ms);
                }
            }
        }

        public IReadOnlyList<ModuleStat> Top(int count, bool bySelf) =>
            _modules.Select(m => m.Value.ToStat(m.Key, bySelf))
                .OrderByDescending(s => s.MedianMs).ThenBy(s => s.Name, StringComparer.Ordinal)
                .Take(count)
                .ToList();

        private static double? Sum(double? a, double? b) => a is null ? b : b is null ? a : a + b;

        private sealed class Samples(ModuleClass moduleClass)
        {
            public List<double> Self { get; } = [];

            public List<double> Cumulative { get; } = [];

            public List<double> FirstInvocation { get; } = [];

            public int[] Phases { get; } = new int[3];

            public ModuleStat ToStat(string name, bool bySelf)
            {
                Self.Sort();
                Cumulative.Sort();
                FirstInvocation.Sort();
                var metric = bySelf ? Self : Cumulative;
                var phase = Phases[(int)ImportPhase.Init] >= Math.Max(Phases[(int)ImportPhase.Invoke], Phases[(int)ImportPhase.Unknown]) ? ImportPhase.Init
                    : Phases[(int)ImportPhase.Invoke] >= Phases[(int)ImportPhase.Unknown] ? ImportPhase.Invoke
                    : ImportPhase.Unknown;
                return new ModuleStat(name, moduleClass, phase, Percentiles.Rank(metric, 50), metric[0], metric[^1],
                    Percentiles.Rank(Self, 50), Percentiles.Rank(Cumulative, 50), Self.Count,
                    FirstInvocation.Count > 0 ? Percentiles.Rank(FirstInvocation, 50) : null);
            }
        }
    }

    /// <summary>The old merge of the import forests by path, with one sample list per path.</summary>
    private sealed class TreeMerger
    {
        private readonly Builder _root = new(null!, "", -1, ImportPhase.Init, ModuleClass.ThirdParty);

        public void Add(ColdStartProfile coldStart)
        {
            var stack = new Stack<(Builder Parent, ImportNode Node, ImportPhase Phase)>();
            var samples = new Dictionary<Builder, (long Self, long Cumulative, bool Cached)>();
            for (var i = coldStart.Roots.Count - 1; i >= 0; i--)
            {
                stack.Push((_root, coldStart.Roots[i], coldStart.Roots[i].Phase));
            }

            while (stack.Count > 0)
            {
                var (parent, node, phase) = stack.Pop();
                var key = parent.Depth < 0 && phase != ImportPhase.Init ? $"{phase}:{node.Name}" : node.Name;
                if (!parent.Children.TryGetValue(key, out var builder))
                {
                    builder = new Builder(node.Name, key, parent.Depth + 1, phase, node.Class);
                    parent.Children[key] = builder;
                    parent.Order.Add(builder);
                }

                samples[builder] = samples.TryGetValue(builder, out var seen)
                    ? (seen.Self + node.SelfMicros, seen.Cumulative + node.CumulativeMicros, seen.Cached && node.Cached)
                    : (node.SelfMicros, node.CumulativeMicros, node.Cached);
                for (var i = node.Children.Count - 1; i >= 0; i--)
                {
                    stack.Push((builder, node.Children[i], phase));
                }
            }

            foreach (var (builder, sample) in samples)
            {
                builder.Self.Add(sample.Self / 1000.0);
                builder.Cumulative.Add(sample.Cumulative / 1000.0);
                builder.CachedColdStarts += sample.Cached ? 1 : 0;
            }
        }

        public IReadOnlyList<Node> Build(ReportOptions options)
        {
            var top = new Frame(_root, matched: false, medianCumulative: 0);
            var stack = new Stack<Frame>();
            stack.Push(top);
            while (stack.Count > 0)
            {
                var frame = stack.Peek();
                if (frame.Next < frame.Builder.Order.Count)
                {
                    var child = frame.Builder.Order[frame.Next++];
                    if (child.Depth > options.MaxDepth)
                    {
                        continue;
                    }

                    child.Cumulative.Sort();
                    child.Self.Sort();
                    var medianCumulative = Percentiles.Rank(child.Cumulative, 50);
                    if (medianCumulative < options.MinMs)
                    {
                        continue;
                    }

                    var matched = frame.Matched || options.ModulePrefix is null || child.Name.StartsWith(options.ModulePrefix, StringComparison.Ordinal);
                    stack.Push(new Frame(child, matched, medianCumulative));
                    continue;
                }

                stack.Pop();
                if (ReferenceEquals(frame, top) || (!frame.Matched && frame.Kept.Count == 0))
                {
                    continue;
                }

                var builder = frame.Builder;
                stack.Peek().Kept.Add(new Node(
                    builder.Name, builder.Key, builder.Depth, builder.Phase, builder.Class,
                    Percentiles.Rank(builder.Self, 50), frame.MedianCumulative, builder.Cumulative[0], builder.Cumulative[^1],
                    builder.Cumulative.Count, builder.CachedColdStarts, frame.Kept));
            }

            return top.Kept;
        }

        private sealed class Frame(Builder builder, bool matched, double medianCumulative)
        {
            public Builder Builder { get; } = builder;

            public bool Matched { get; } = matched;

            public double MedianCumulative { get; } = medianCumulative;

            public int Next { get; set; }

            public List<Node> Kept { get; } = [];
        }

        private sealed class Builder(string name, string key, int depth, ImportPhase phase, ModuleClass moduleClass)
        {
            public string Name { get; } = name;

            public string Key { get; } = key;

            public int Depth { get; } = depth;

            public ImportPhase Phase { get; } = phase;

            public ModuleClass Class { get; } = moduleClass;

            public Dictionary<string, Builder> Children { get; } = new(StringComparer.Ordinal);

            public List<Builder> Order { get; } = [];

            public List<double> Self { get; } = [];

            public List<double> Cumulative { get; } = [];

            public int CachedColdStarts { get; set; }
        }
    }
}
