namespace ColdStart.Analysis.Reporting.Internal;

/// <summary>Merges the import forests of all cold starts by path, then filters the merged tree.</summary>
internal sealed class TreeMerger
{
    private readonly Builder _root = new(null!, "", -1, ImportPhase.Init, ModuleClass.ThirdParty);

    public void Add(ColdStartProfile coldStart)
    {
        foreach (var root in coldStart.Roots)
        {
            Add(_root, root, root.Phase);
        }
    }

    private static void Add(Builder parent, ImportNode node, ImportPhase phase)
    {
        var key = parent.Depth < 0 && phase != ImportPhase.Init ? $"{phase}:{node.Name}" : node.Name;
        if (!parent.Children.TryGetValue(key, out var builder))
        {
            var path = parent.Depth < 0 ? key : $"{parent.Path}/{key}";
            builder = new Builder(node.Name, path, parent.Depth + 1, phase, node.Class);
            parent.Children[key] = builder;
            parent.Order.Add(builder);
        }

        builder.Self.Add(node.SelfMicros / 1000.0);
        builder.Cumulative.Add(node.CumulativeMicros / 1000.0);
        foreach (var child in node.Children)
        {
            Add(builder, child, phase);
        }
    }

    public IReadOnlyList<TreeNode> Build(ReportOptions options) =>
        _root.Order.Select(b => Build(b, options, prefixMatchedAbove: false)).OfType<TreeNode>().ToList();

    private static TreeNode? Build(Builder builder, ReportOptions options, bool prefixMatchedAbove)
    {
        if (builder.Depth > options.MaxDepth)
        {
            return null;
        }

        builder.Cumulative.Sort();
        builder.Self.Sort();
        var medianCumulative = Percentiles.Rank(builder.Cumulative, 50);
        if (medianCumulative < options.MinMs)
        {
            return null;
        }

        var matched = prefixMatchedAbove || options.ModulePrefix is null || builder.Name.StartsWith(options.ModulePrefix, StringComparison.Ordinal);
        var children = builder.Order.Select(c => Build(c, options, matched)).OfType<TreeNode>().ToList();
        if (!matched && children.Count == 0)
        {
            return null;
        }

        return new TreeNode(builder.Name, builder.Path, builder.Depth, builder.Phase, builder.Class)
        {
            MedianSelfMs = Percentiles.Rank(builder.Self, 50),
            MedianCumulativeMs = medianCumulative,
            MinCumulativeMs = builder.Cumulative[0],
            MaxCumulativeMs = builder.Cumulative[^1],
            ColdStarts = builder.Cumulative.Count,
            Children = children,
        };
    }

    private sealed class Builder(string name, string path, int depth, ImportPhase phase, ModuleClass moduleClass)
    {
        public string Name { get; } = name;

        public string Path { get; } = path;

        public int Depth { get; } = depth;

        public ImportPhase Phase { get; } = phase;

        public ModuleClass Class { get; } = moduleClass;

        public Dictionary<string, Builder> Children { get; } = new(StringComparer.Ordinal);

        public List<Builder> Order { get; } = [];

        public List<double> Self { get; } = [];

        public List<double> Cumulative { get; } = [];
    }
}
