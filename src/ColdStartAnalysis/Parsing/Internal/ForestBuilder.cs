namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// Rebuilds the import forest from rows printed children-first: a row at depth d adopts the rows finished at
/// depth d+1 since its previous sibling. Tolerant of nesting that does not add up; no recursion, so any depth works.
/// </summary>
internal sealed class ForestBuilder
{
    // index = depth; rows finished at that depth still waiting for their parent's row (null until a level is used)
    private readonly List<List<ImportNode>?> _waiting = [];
    private readonly List<ImportNode> _adopted = [];
    private int _previousDepth;
    private int _deepestWaiting;
    private int _waitingRows;

    public int Rows { get; private set; }

    /// <summary>Rows finished below depth 0 whose parent row has not come yet: the block is inside an import.</summary>
    public bool HasOpenImports => _waitingRows > 0;

    public void Add(ImportNode node, int depth, List<ImportNode> roots, SkipCounts skipped)
    {
        Rows++;
        _previousDepth = depth;
        var children = _adopted;
        children.Clear();
        var orphans = false;
        for (var d = _deepestWaiting; d > depth; d--)
        {
            var waiting = _waiting[d];
            if (waiting is not { Count: > 0 })
            {
                continue;
            }

            // a row two or more levels deeper lost its own parent row (cut or interleaved output): keep it under the nearest ancestor
            if (d > depth + 1)
            {
                skipped.Add(SkipReason.OrphanChild, waiting.Count);
                orphans = true;
            }

            children.AddRange(waiting);
            _waitingRows -= waiting.Count;
            waiting.Clear();
        }

        if (children.Count > 0)
        {
            if (orphans)
            {
                children.Sort((a, b) => a.Order.CompareTo(b.Order));
            }
            else if (!node.Cached && !AddsUp(node, children))
            {
                skipped.Add(SkipReason.InconsistentCumulative);
            }

            node.AdoptChildren([.. children]);
        }

        if (depth == 0)
        {
            _deepestWaiting = 0;
            roots.Add(node);
            return;
        }

        while (_waiting.Count <= depth)
        {
            _waiting.Add(null);
        }

        (_waiting[depth] ??= []).Add(node);
        _waitingRows++;
        _deepestWaiting = depth;
    }

    /// <summary>
    /// The depth for a 3.14 cached row: exact when the name was padded (padding + name = 2 × depth); when the name
    /// filled its field the depth is unknowable, and the previous row's depth is used (capped by the field width).
    /// </summary>
    public int CachedRowDepth(int padding, int nameLength) =>
        padding > 0 ? (padding + nameLength) / 2 : Math.Min(_previousDepth, nameLength / 2);

    /// <summary>Rows still waiting for a parent never got one: they become roots, in printed order.</summary>
    public void Finish(List<ImportNode> roots, SkipCounts skipped)
    {
        if (_waitingRows == 0)
        {
            return;
        }

        var orphans = _waiting.Where(w => w is not null).SelectMany(w => w!).ToList();
        skipped.Add(SkipReason.OrphanChild, orphans.Count);
        roots.AddRange(orphans);
        roots.Sort((a, b) => a.Order.CompareTo(b.Order));
        _waiting.Clear();
        _waitingRows = 0;
        _deepestWaiting = 0;
    }

    /// <summary>
    /// CPython rounds self and cumulative up to whole µs separately, so self + Σ children may exceed cumulative by
    /// one µs per number involved.
    /// </summary>
    public static bool AddsUp(ImportNode node, IReadOnlyList<ImportNode> children)
    {
        var sum = node.SelfMicros;
        foreach (var child in children)
        {
            sum += child.CumulativeMicros;
        }

        return node.CumulativeMicros + children.Count + 1 >= sum;
    }
}
