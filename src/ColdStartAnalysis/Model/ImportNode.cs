namespace ColdStart.Analysis;

/// <summary>One row of <c>-X importtime</c> output, placed in its cold start's import forest.</summary>
public sealed class ImportNode
{
    private static readonly IReadOnlyList<ImportNode> NoChildren = [];
    private ImportNode[]? _children;

    internal ImportNode(string name, long selfMicros, long cumulativeMicros, bool cached, int depth, int order)
    {
        Name = name;
        SelfMicros = selfMicros;
        CumulativeMicros = cumulativeMicros;
        Cached = cached;
        Depth = depth;
        Order = order;
    }

    /// <summary>The dotted module name as printed.</summary>
    public string Name { get; }

    /// <summary>Time spent in this module alone, in microseconds; 0 for <see cref="Cached"/> rows.</summary>
    public long SelfMicros { get; }

    /// <summary>Time including the modules it imported, in microseconds; 0 for <see cref="Cached"/> rows.</summary>
    public long CumulativeMicros { get; }

    /// <summary>True for a Python 3.14 <c>-X importtime=2</c> row of an already-loaded module (<c>cached</c> instead of numbers).</summary>
    public bool Cached { get; }

    /// <summary>Nesting level: 0 for a root. Taken from the tree as rebuilt, so an orphan kept as a root has 0.</summary>
    public int Depth { get; internal set; }

    /// <summary>The module whose import caused this one; null for a root.</summary>
    public ImportNode? Parent { get; internal set; }

    /// <summary>Modules this one imported, in the order they finished.</summary>
    public IReadOnlyList<ImportNode> Children => (IReadOnlyList<ImportNode>?)_children ?? NoChildren;

    /// <summary>Position of the row in its cold start's output (0-based, in printed order: children before parents).</summary>
    public int Order { get; }

    /// <summary>Init (module-level), Invoke (lazy, inside a request) or Unknown.</summary>
    public ImportPhase Phase { get; internal set; }

    /// <summary>The request the import ran in, for <see cref="ImportPhase.Invoke"/> imports; otherwise null.</summary>
    public string? RequestId { get; internal set; }

    /// <summary>Runtime, standard library, third party or user code.</summary>
    public ModuleClass Class { get; internal set; }

    internal void AdoptChildren(ImportNode[] children)
    {
        _children = children;
        foreach (var child in children)
        {
            child.Parent = this;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} (self {SelfMicros} µs, cumulative {CumulativeMicros} µs)";
}
