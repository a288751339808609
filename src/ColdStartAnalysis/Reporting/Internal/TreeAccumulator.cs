using ColdStart.Analysis.Parsing.Internal;

namespace ColdStart.Analysis.Reporting.Internal;

/// <summary>
/// Merges the import forests of cold starts by path (same names from the root = same node), fed one import row at a time
/// in pre-order, cold starts in any order; then filters the merged tree. Each path keeps counted histograms of its times
/// and the earliest visit that produced it (the cold start that began first, then the row's pre-order index within it):
/// children are listed in that order and the class is that visit's, which is the order and class merging the cold starts
/// in the order they began gives. Both walks use an explicit stack, so import chains of any depth work.
/// </summary>
internal sealed class TreeAccumulator
{
    private readonly PathNode _root = new(null!, "", -1, ImportPhase.Init, ModuleClass.ThirdParty, -1, -1);
    private readonly List<PathNode> _touched = [];

    /// <summary>The roots' level: what <see cref="Add"/> takes as parent for a root row.</summary>
    public PathNode Root => _root;

    /// <summary>Counts one visit of a row under <paramref name="parent"/>.</summary>
    /// <param name="parent">The path of the row's parent, or <see cref="Root"/>.</param>
    /// <param name="node">The row.</param>
    /// <param name="phase">Its root's phase.</param>
    /// <param name="sequence">The order in which its cold start began.</param>
    /// <param name="preOrder">Its pre-order index within the cold start.</param>
    /// <returns>The row's path, the parent of its children.</returns>
    public PathNode Add(PathNode parent, in ColdStartRows.Row node, ImportPhase phase, long sequence, int preOrder)
    {
        // children by name id (the parse's NameTable); a root of another phase than Init by a negative key of its own
        var children = parent.Children ??= [];
        PathNode? path;
        if (parent.Depth < 0 && phase != ImportPhase.Init)
        {
            var key = -1 - ((node.NameId * 3) + (int)phase);
            if (!children.TryGetValue(key, out path))
            {
                path = parent.AddChild(key, new PathNode(node.Name, $"{phase}:{node.Name}", 0, phase, node.Class, sequence, preOrder));
            }
        }
        else if (!children.TryGetValue(node.NameId, out path))
        {
            path = parent.AddChild(node.NameId, new PathNode(node.Name, node.Name, parent.Depth + 1, phase, node.Class, sequence, preOrder));
        }

        if (sequence < path.FirstSequence)
        {
            // an earlier cold start has this path too: it decides the class and the place among its siblings
            path.FirstSequence = sequence;
            path.FirstPreOrder = preOrder;
            path.Class = node.Class;
            parent.OrderDirty = true;
        }

        // one sample per cold start and path (added by EndColdStart): a path printed twice in one cold start (3.14 prints
        // a cached row when a parent imports a module again) counts once, its times summed, cached only if every row was
        if (!path.Pending)
        {
            path.Pending = true;
            path.PendingSelf = node.SelfMicros;
            path.PendingCumulative = node.CumulativeMicros;
            path.PendingCached = node.Cached;
            _touched.Add(path);
        }
        else
        {
            path.PendingSelf += node.SelfMicros;
            path.PendingCumulative += node.CumulativeMicros;
            path.PendingCached &= node.Cached;
        }

        return path;
    }

    /// <summary>Adds the samples of the cold start whose rows were given to <see cref="Add"/> since the last call.</summary>
    public void EndColdStart()
    {
        foreach (var path in _touched)
        {
            path.Self.Add(path.PendingSelf);
            path.Cumulative.Add(path.PendingCumulative);
            if (path.PendingCached)
            {
                path.CachedColdStarts++;
            }

            path.Pending = false;
        }

        _touched.Clear();
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
            var order = frame.Path.InOrder();
            if (frame.Next < order.Count)
            {
                var child = order[frame.Next++];
                if (child.Depth > options.MaxDepth)
                {
                    continue;
                }

                var medianCumulative = child.Cumulative.RankMs(50);
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

            var path = frame.Path;
            var node = new TreeNode(path.Name, path.Key, path.Depth, path.Phase, path.Class)
            {
                MedianSelfMs = path.Self.RankMs(50),
                MedianCumulativeMs = frame.MedianCumulative,
                MinCumulativeMs = path.Cumulative.MinMs,
                MaxCumulativeMs = path.Cumulative.MaxMs,
                ColdStarts = path.Cumulative.Count,
                CachedColdStarts = path.CachedColdStarts,
            };
            node.SetChildren(frame.Kept);
            stack.Peek().Kept.Add(node);
        }

        return top.Kept;
    }

    private sealed class Frame(PathNode path, bool matched, double medianCumulative)
    {
        public PathNode Path { get; } = path;

        public bool Matched { get; } = matched;

        public double MedianCumulative { get; } = medianCumulative;

        public int Next { get; set; }

        public List<TreeNode> Kept { get; } = [];
    }

    /// <summary>One merged path.</summary>
    internal sealed class PathNode(string name, string key, int depth, ImportPhase phase, ModuleClass moduleClass, long firstSequence, int firstPreOrder)
    {
        private readonly List<PathNode> _order = [];

        public string Name { get; } = name;

        /// <summary>The name, or <c>Phase:name</c> for a root of another phase than Init.</summary>
        public string Key { get; } = key;

        public int Depth { get; } = depth;

        public ImportPhase Phase { get; } = phase;

        public ModuleClass Class { get; set; } = moduleClass;

        /// <summary>The earliest visit: the cold start that began first among those with this path…</summary>
        public long FirstSequence { get; set; } = firstSequence;

        /// <summary>…and the row's pre-order index within it.</summary>
        public int FirstPreOrder { get; set; } = firstPreOrder;

        /// <summary>By name id; see <see cref="TreeAccumulator.Add"/> for the key of a root of another phase than Init.</summary>
        public Dictionary<int, PathNode>? Children { get; set; }

        /// <summary>The children may no longer be in the order of their earliest visits.</summary>
        public bool OrderDirty { get; set; }

        public MicrosHistogram Self { get; } = new();

        public MicrosHistogram Cumulative { get; } = new();

        /// <summary>Cold starts whose every row at this path was a 3.14 cached row.</summary>
        public int CachedColdStarts { get; set; }

        /// <summary>The cold start being added has this path; its sample so far follows.</summary>
        public bool Pending { get; set; }

        public long PendingSelf { get; set; }

        public long PendingCumulative { get; set; }

        public bool PendingCached { get; set; }

        public PathNode AddChild(int key, PathNode child)
        {
            Children![key] = child;
            if (_order.Count > 0 && Earlier(child, _order[^1]))
            {
                OrderDirty = true;
            }

            _order.Add(child);
            return child;
        }

        /// <summary>The children in the order of their earliest visits.</summary>
        public List<PathNode> InOrder()
        {
            if (OrderDirty)
            {
                _order.Sort((a, b) => a.FirstSequence != b.FirstSequence ? a.FirstSequence.CompareTo(b.FirstSequence) : a.FirstPreOrder.CompareTo(b.FirstPreOrder));
                OrderDirty = false;
            }

            return _order;
        }

        private static bool Earlier(PathNode a, PathNode b) =>
            a.FirstSequence < b.FirstSequence || (a.FirstSequence == b.FirstSequence && a.FirstPreOrder < b.FirstPreOrder);
    }
}
