using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// Rebuilds the import forest of one open cold start from rows printed children-first: a row at depth d adopts the rows
/// finished deeper than d since its previous sibling. Tolerant of nesting that does not add up; no recursion, so any depth
/// works. Rows are kept as <see cref="OpenRow"/>s in blocks of a <see cref="RowChunkPool"/> until the cold start closes;
/// a complete one is then copied to the sink's <see cref="ColdStartRows"/> (<see cref="CopyTo"/>). A very large one may
/// fold its complete root subtrees into one row per path as it goes (<see cref="Fold"/>); row indices stay those of the
/// whole cold start.
/// </summary>
internal sealed class ForestBuilder(RowChunkPool pool)
{
    private readonly List<string> _requests = [];

    // exact times of the rows whose times do not fit an OpenRow (rare: over 71 minutes)
    private Dictionary<int, (long Self, long Cumulative)>? _wide;
    private int[] _blocks = [];
    private int _blockCount;

    // rows folded (the index of the first row still kept) and what they were folded into
    private int _offset;
    private PathFolder? _folded;

    // where the rows kept wait in the spill file while their blocks are given back (TrySpill); -1 while they are in blocks
    private RowSpill? _spill;
    private long _spilledAt = -1;

    // rows finished below depth 0 still waiting for their parent's row, in printed order; their depths never decrease from
    // the first to the last (a row adopts every waiting row deeper than itself), so a row's children are the end of the list
    private List<(int Row, int Depth)>? _waiting;
    private int _previousDepth;

    /// <summary>Rows added, folded ones included.</summary>
    public int Rows { get; private set; }

    /// <summary>Rows kept as rows (not folded).</summary>
    public int KeptRows => Rows - _offset;

    /// <summary>Every row so far is an init-phase row and none is a 3.14 cached row: what <see cref="Fold"/> may fold.</summary>
    public bool OnlyUncachedInitRows { get; private set; } = true;

    /// <summary>Rows finished below depth 0 whose parent row has not come yet: the block is inside an import.</summary>
    public bool HasOpenImports => _waiting is { Count: > 0 };

    /// <summary>The rows kept wait in a spill file (<see cref="TrySpill"/>).</summary>
    public bool Spilled => _spilledAt >= 0;

    /// <summary>A row not folded, by its index in the cold start (read back first if it was spilled).</summary>
    public ref OpenRow this[int row]
    {
        get
        {
            Unspill();
            return ref Row(row);
        }
    }

    private ref OpenRow Row(int row) => ref pool.Row(_blocks[(row - _offset) >> RowChunkPool.Bits], (row - _offset) & RowChunkPool.Mask);

    /// <summary>The index of a request id in this cold start's list (for <see cref="OpenRow.Request"/>).</summary>
    /// <remarks>Requests in a stream follow one another, so a row's request is the last one listed or a new one. An id
    /// listed twice (were a request ever to come back) would only be two entries of equal strings: rows compare request
    /// ids by value.</remarks>
    public int RequestIndex(string request)
    {
        var last = _requests.Count - 1;
        if (last >= 0 && (ReferenceEquals(_requests[last], request) || _requests[last] == request))
        {
            return last;
        }

        _requests.Add(request);
        return last + 1;
    }

    /// <summary>Adds a row (its times and <see cref="OpenRow.Parent"/> are set here) and returns its index, its order in
    /// the output.</summary>
    public int Add(in OpenRow added, long self, long cumulative, int depth, SkipCounts skipped)
    {
        Unspill();
        var index = Rows;
        if (((index - _offset) >> RowChunkPool.Bits) == _blockCount)
        {
            if (_blockCount == _blocks.Length)
            {
                Array.Resize(ref _blocks, Math.Max(8, _blockCount * 2));
            }

            _blocks[_blockCount++] = pool.Rent();
        }

        Rows++;
        _previousDepth = depth;
        ref var row = ref Row(index);
        row = added;
        OnlyUncachedInitRows &= added.Phase == ImportPhase.Init && !added.Cached;
        row.Parent = depth == 0 ? OpenRow.Root : OpenRow.Waiting;
        if (self is >= 0 and <= uint.MaxValue && cumulative is >= 0 and <= uint.MaxValue)
        {
            row.SelfMicros = (uint)self;
            row.CumulativeMicros = (uint)cumulative;
        }
        else
        {
            row.Wide = true;
            (_wide ??= [])[index] = (self, cumulative);
        }

        if (_waiting is { Count: > 0 } waiting)
        {
            var first = waiting.Count;
            while (first > 0 && waiting[first - 1].Depth > depth)
            {
                first--;
            }

            if (first < waiting.Count)
            {
                // a row two or more levels deeper lost its own parent row (cut or interleaved output): kept under the
                // nearest ancestor, in printed order like every child list
                var orphans = 0;
                long childrenCumulative = 0;
                for (var i = first; i < waiting.Count; i++)
                {
                    var (child, childDepth) = waiting[i];
                    orphans += childDepth > depth + 1 ? 1 : 0;
                    childrenCumulative += CumulativeOf(child);
                    Row(child).Parent = index;
                }

                if (orphans > 0)
                {
                    skipped.Add(SkipReason.OrphanChild, orphans);
                }
                else if (!row.Cached && !AddsUp(self, cumulative, childrenCumulative, waiting.Count - first))
                {
                    skipped.Add(SkipReason.InconsistentCumulative);
                }

                waiting.RemoveRange(first, waiting.Count - first);
            }
        }

        if (depth > 0)
        {
            (_waiting ??= []).Add((index, depth));
        }

        return index;
    }

    /// <summary>
    /// The depth for a 3.14 cached row: exact when the name was padded (padding + name = 2 × depth); when the name
    /// filled its field the depth is unknowable, and the previous row's depth is used (capped by the field width).
    /// </summary>
    public int CachedRowDepth(int padding, int nameLength) =>
        padding > 0 ? (padding + nameLength) / 2 : Math.Min(_previousDepth, nameLength / 2);

    /// <summary>Rows still waiting for a parent never got one: they become roots (counted as orphans), in printed order.</summary>
    public void Finish(SkipCounts skipped)
    {
        if (_waiting is not { Count: > 0 } waiting)
        {
            return;
        }

        Unspill();
        skipped.Add(SkipReason.OrphanChild, waiting.Count);
        foreach (var (row, _) in waiting)
        {
            Row(row).Parent = OpenRow.Root;
        }

        waiting.Clear();
    }

    /// <summary>
    /// The names of the rows a root reaches so far (rows waiting for their parent, and what they adopted, are not yet part
    /// of the forest).
    /// </summary>
    public HashSet<int> NamesInForest()
    {
        Unspill();
        var names = new HashSet<int>();
        _folded?.AddNames(names);
        for (var i = _offset; i < Rows; i++)
        {
            var top = i;
            while (Row(top).Parent >= 0)
            {
                top = Row(top).Parent;
            }

            if (Row(top).Parent == OpenRow.Root)
            {
                names.Add(Row(i).Name);
            }
        }

        return names;
    }

    /// <summary>Copies the forest (after <see cref="Finish"/>) into <paramref name="closed"/>, linked; classes are left
    /// for the caller. Folded paths come first (<see cref="ColdStartRows.Folded"/>), then the rows kept.</summary>
    public void CopyTo(ColdStartRows closed, NameTable names)
    {
        Unspill();
        var folded = _folded?.Count ?? 0;
        var rows = closed.Reset(folded + KeptRows);
        if (_folded is { } folder)
        {
            closed.SetFolded(folder, rows);
        }

        CopyKept(rows[folded..], names, folded);
        closed.Link();
    }

    /// <summary>The rows kept, as rows at <paramref name="first"/> on of the copy.</summary>
    private void CopyKept(Span<ColdStartRows.Row> rows, NameTable names, int first)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            var index = i + _offset;
            ref var open = ref Row(index);
            rows[i] = new ColdStartRows.Row
            {
                Name = names[open.Name],
                NameId = open.Name,
                Request = open.Request < 0 ? null : _requests[open.Request],
                SelfMicros = open.Wide ? _wide![index].Self : open.SelfMicros,
                CumulativeMicros = open.Wide ? _wide![index].Cumulative : open.CumulativeMicros,
                Parent = open.Parent < 0 ? -1 : open.Parent - _offset + first,
                Phase = open.Phase,
                Cached = open.Cached,
            };
        }
    }

    /// <summary>
    /// Folds every row kept so far into one row per import path (<see cref="PathFolder"/>) and gives their blocks back. Only
    /// when each is complete (no open imports: right after a root) and <see cref="OnlyUncachedInitRows"/>: their phase can no
    /// longer change and nothing reads them one by one but the loader of each module, which the folder keeps.
    /// </summary>
    /// <param name="scratch">Rows to copy them to on the way (overwritten).</param>
    /// <param name="names">The parse's names.</param>
    public void Fold(ColdStartRows scratch, NameTable names)
    {
        if (HasOpenImports || !OnlyUncachedInitRows)
        {
            throw new InvalidOperationException("Only complete init-phase rows that are not cached can be folded.");
        }

        Unspill();
        CopyKept(scratch.Reset(KeptRows), names, 0);
        scratch.Link();
        (_folded ??= new PathFolder()).Fold(scratch);
        for (var i = 0; i < _blockCount; i++)
        {
            pool.Return(_blocks[i]);
        }

        _blockCount = 0;
        _offset = Rows;
        _wide = null;
    }

    /// <summary>A row's cumulative time in µs.</summary>
    private long CumulativeOf(int row) => Row(row) is { Wide: true } ? _wide![row].Cumulative : Row(row).CumulativeMicros;

    /// <summary>
    /// Writes the rows kept to <paramref name="spill"/> and gives their blocks back; they are read back as soon as anything
    /// needs them (a row added, the cold start closing). Only when no import is open (the waiting list stays in memory, and
    /// rows waiting for a parent would change). False when there is nothing to spill or the file cannot take it.
    /// </summary>
    public bool TrySpill(RowSpill spill)
    {
        if (Spilled || KeptRows == 0 || HasOpenImports)
        {
            return false;
        }

        var size = KeptRows * Unsafe.SizeOf<OpenRow>();
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var written = 0;
            for (var block = 0; block < _blockCount; block++)
            {
                var bytes = MemoryMarshal.AsBytes(pool.Block(_blocks[block])[..RowsInBlock(block)]);
                bytes.CopyTo(buffer.AsSpan(written));
                written += bytes.Length;
            }

            if (spill.TryWrite(buffer.AsSpan(0, size)) is not { } at)
            {
                return false;
            }

            _spill = spill;
            _spilledAt = at;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        for (var i = 0; i < _blockCount; i++)
        {
            pool.Return(_blocks[i]);
        }

        _blockCount = 0;
        return true;
    }

    /// <summary>Reads the rows kept back from the spill file into blocks, if they were spilled.</summary>
    private void Unspill()
    {
        if (_spilledAt < 0)
        {
            return;
        }

        var size = KeptRows * Unsafe.SizeOf<OpenRow>();
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            _spill!.Read(_spilledAt, buffer.AsSpan(0, size));
            var blocks = (KeptRows + RowChunkPool.Mask) >> RowChunkPool.Bits;
            if (blocks > _blocks.Length)
            {
                Array.Resize(ref _blocks, Math.Max(blocks, _blocks.Length * 2));
            }

            var read = 0;
            for (var block = 0; block < blocks; block++)
            {
                _blocks[block] = pool.Rent();
                var bytes = MemoryMarshal.AsBytes(pool.Block(_blocks[block])[..RowsInBlock(block)]);
                buffer.AsSpan(read, bytes.Length).CopyTo(bytes);
                read += bytes.Length;
            }

            _blockCount = blocks;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _spilledAt = -1;
    }

    private int RowsInBlock(int block) => Math.Min(RowChunkPool.Size, KeptRows - (block << RowChunkPool.Bits));

    /// <summary>Gives the row blocks back to the pool; the builder is not used again.</summary>
    public void Release()
    {
        for (var i = 0; i < _blockCount; i++)
        {
            pool.Return(_blocks[i]);
        }

        _blockCount = 0;
        Rows = 0;
        _offset = 0;
        _folded = null;
        _spilledAt = -1;
        _waiting = null;
        _wide = null;
    }

    /// <summary>
    /// CPython rounds self and cumulative up to whole µs separately, so self + Σ children may exceed cumulative by
    /// one µs per number involved.
    /// </summary>
    public static bool AddsUp(long self, long cumulative, long childrenCumulative, int children) =>
        cumulative + children + 1 >= self + childrenCumulative;
}
