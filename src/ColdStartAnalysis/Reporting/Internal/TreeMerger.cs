namespace ColdStart.Analysis.Reporting.Internal;

/// <summary>
/// Merges the import forests of all cold starts by path, then filters the merged tree. Both walks use an explicit stack,
/// so import chains of any depth work.
/// </summary>
internal sealed class TreeMerger
{
    private readonly Builder _root = new(null!, "", -1, ImportPhase.Init, ModuleClass.ThirdParty);

    public void Add(ColdStartProfile coldStart)
    {
        var stack = new Stack<(Builder Parent, ImportNode Node, ImportPhase Phase)>();
        var samples = new Dictionary<Builder, (long Self, long Cumulative, bool Cached)>(ReferenceEqualityComparer.Instance);
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

            // one sample per cold start and path: a path printed twice in one cold start (3.14 prints a cached row
            // for a module its parent imports again) counts once, with its times summed, cached only if every row was
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
            if (sample.Cached)
            {
                builder.CachedColdStarts++;
            }
        }
    }

    public IReadOnlyList<TreeNode> Build(ReportOptions options)
    {
        // depth-first; a node is built once its children are, and kept when it or a descendant matches the prefix
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
            var node = new TreeNode(builder.Name, builder.Key, builder.Depth, builder.Phase, builder.Class)
            {
                MedianSelfMs = Percentiles.Rank(builder.Self, 50),
                MedianCumulativeMs = frame.MedianCumulative,
                MinCumulativeMs = builder.Cumulative[0],
                MaxCumulativeMs = builder.Cumulative[^1],
                ColdStarts = builder.Cumulative.Count,
                CachedColdStarts = builder.CachedColdStarts,
            };
            node.SetChildren(frame.Kept);
            stack.Peek().Kept.Add(node);
        }

        return top.Kept;
    }

    private sealed class Frame(Builder builder, bool matched, double medianCumulative)
    {
        public Builder Builder { get; } = builder;

        public bool Matched { get; } = matched;

        public double MedianCumulative { get; } = medianCumulative;

        public int Next { get; set; }

        public List<TreeNode> Kept { get; } = [];
    }

    private sealed class Builder(string name, string key, int depth, ImportPhase phase, ModuleClass moduleClass)
    {
        public string Name { get; } = name;

        /// <summary>The name, or <c>Phase:name</c> for a root of another phase than Init.</summary>
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
