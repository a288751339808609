namespace ColdStart.Analysis;

/// <summary>One import path of the forest merged across cold starts (same names from the root = same node).</summary>
public sealed class TreeNode
{
    private readonly string _key;

    internal TreeNode(string name, string key, int depth, ImportPhase phase, ModuleClass moduleClass)
    {
        Name = name;
        _key = key;
        Depth = depth;
        Phase = phase;
        Class = moduleClass;
    }

    /// <summary>Dotted module name.</summary>
    public string Name { get; }

    /// <summary>The names from the root down to this node, joined with <c>/</c> (roots of another phase than Init are prefixed with it, e.g. <c>Invoke:sqlite3</c>).</summary>
    /// <remarks>Built from the ancestors on each call (not stored), so a very deep tree costs no quadratic memory.</remarks>
    public string Path
    {
        get
        {
            var keys = new List<string>();
            for (var node = this; node is not null; node = node.Parent)
            {
                keys.Add(node._key);
            }

            keys.Reverse();
            return string.Join('/', keys);
        }
    }

    /// <summary>The node this one hangs under; null for a root.</summary>
    public TreeNode? Parent { get; private set; }

    /// <summary>0 for roots.</summary>
    public int Depth { get; }

    /// <summary>The root's phase (Init, Invoke or Unknown).</summary>
    public ImportPhase Phase { get; }

    /// <summary>Runtime, standard library, third party or user.</summary>
    public ModuleClass Class { get; }

    /// <summary>Median self time over the cold starts that have this path.</summary>
    public double MedianSelfMs { get; internal set; }

    /// <summary>Median cumulative time over the cold starts that have this path.</summary>
    public double MedianCumulativeMs { get; internal set; }

    /// <summary>Smallest cumulative time.</summary>
    public double MinCumulativeMs { get; internal set; }

    /// <summary>Largest cumulative time.</summary>
    public double MaxCumulativeMs { get; internal set; }

    /// <summary>How many cold starts have this path.</summary>
    public int ColdStarts { get; internal set; }

    /// <summary>
    /// Of <see cref="ColdStarts"/>, those in which this path's row was a Python 3.14 <c>-X importtime=2</c> <c>cached</c>
    /// row: the module was already loaded (by an earlier import elsewhere in the tree), so the row cost 0 µs here. Default: 0.
    /// </summary>
    public int CachedColdStarts { get; internal set; }

    /// <summary>True when the row was cached in every cold start that has this path: an import that found the module already loaded.</summary>
    public bool Cached => CachedColdStarts > 0 && CachedColdStarts == ColdStarts;

    /// <summary>Children in the order they were first imported.</summary>
    public IReadOnlyList<TreeNode> Children { get; private set; } = [];

    internal void SetChildren(List<TreeNode> children)
    {
        Children = children;
        foreach (var child in children)
        {
            child.Parent = this;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Path} ({MedianCumulativeMs:0.###} ms)";
}
