namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// The complete root subtrees of one very large open cold start, folded into one row per distinct import path (the same
/// names from the root): each keeps the sums of its rows' times, how many rows it stands for and the pre-order index of
/// the first of them. That is all the report and <c>compare</c> read of init-phase rows, so a cold start of millions of
/// rows (a process that imports in a loop, a task runner's repeated forests) holds memory for its distinct paths, not its
/// rows. Only rows whose phase is final and that are not 3.14 cached rows are folded (<see cref="ForestBuilder.Fold"/>);
/// the first row of each module in printed order is remembered too, for the ineffective-lazy-import check.
/// </summary>
internal sealed class PathFolder
{
    /// <summary>Rows an open cold start keeps before it folds (<see cref="IColdStartSink.FoldAfterRows"/>): far beyond any
    /// real cold start (hundreds to a few thousand rows), small enough that the rows kept take under a megabyte.</summary>
    public const int DefaultFoldAfterRows = 32_768;

    // (parent path + 1) << 32 | name id → path
    private readonly Dictionary<long, int> _paths = [];
    private Path[] _nodes = new Path[256];
    private int[] _pathOfRow = new int[256];

    // by name id: the first folded row of the module in printed order (its cumulative time and its parent's name)
    private long[] _loaderCumulative = new long[256];
    private string?[] _loaderImporter = new string?[256];

    /// <summary>Distinct paths.</summary>
    public int Count { get; private set; }

    /// <summary>Rows folded so far: the pre-order index of the first row not folded.</summary>
    public int Rows { get; private set; }

    /// <summary>Folds <paramref name="part"/>: linked, whole root subtrees printed after everything folded before, every
    /// row of the init phase and not cached.</summary>
    public void Fold(ColdStartRows part)
    {
        if (_pathOfRow.Length < part.Count)
        {
            _pathOfRow = new int[Math.Max(part.Count, _pathOfRow.Length * 2)];
        }

        // the loader of a module is its first row in printed order (the order of the rows)
        for (var i = 0; i < part.Count; i++)
        {
            ref var row = ref part[i];
            if (row.NameId >= _loaderImporter.Length)
            {
                var size = Math.Max(row.NameId + 1, _loaderImporter.Length * 2);
                Array.Resize(ref _loaderImporter, size);
                Array.Resize(ref _loaderCumulative, size);
            }

            if (_loaderImporter[row.NameId] is null)
            {
                _loaderImporter[row.NameId] = row.Parent < 0 ? "" : part[row.Parent].Name;
                _loaderCumulative[row.NameId] = row.CumulativeMicros;
            }
        }

        // paths in pre-order: a parent's path is known before its children's
        var preOrder = Rows;
        foreach (var index in part.PreOrder())
        {
            ref var row = ref part[index];
            var parent = row.Parent < 0 ? -1 : _pathOfRow[row.Parent];
            var key = ((long)(parent + 1) << 32) | (uint)row.NameId;
            if (!_paths.TryGetValue(key, out var path))
            {
                path = Count++;
                if (path == _nodes.Length)
                {
                    Array.Resize(ref _nodes, _nodes.Length * 2);
                }

                _nodes[path] = new Path { Parent = parent, NameId = row.NameId, Name = row.Name, FirstPreOrder = preOrder };
                _paths[key] = path;
            }

            ref var node = ref _nodes[path];
            node.SelfMicros += row.SelfMicros;
            node.CumulativeMicros += row.CumulativeMicros;
            node.Rows++;
            _pathOfRow[index] = path;
            preOrder++;
        }

        Rows = preOrder;
    }

    /// <summary>Writes one row per path (a parent before its children, siblings in the order first seen) into the start of
    /// <paramref name="rows"/>, with how many rows each stands for and its first row's pre-order index.</summary>
    public void CopyTo(Span<ColdStartRows.Row> rows, Span<int> rowsFolded, Span<int> firstPreOrder)
    {
        for (var i = 0; i < Count; i++)
        {
            ref var node = ref _nodes[i];
            rows[i] = new ColdStartRows.Row
            {
                Name = node.Name,
                NameId = node.NameId,
                SelfMicros = node.SelfMicros,
                CumulativeMicros = node.CumulativeMicros,
                Parent = node.Parent,
                Phase = ImportPhase.Init,
            };
            rowsFolded[i] = node.Rows;
            firstPreOrder[i] = node.FirstPreOrder;
        }
    }

    /// <summary>The first folded row of module <paramref name="nameId"/> in printed order: its cumulative µs and its parent's
    /// name ("" for a root); false when no folded row has that name.</summary>
    public bool TryGetLoader(int nameId, out long cumulativeMicros, out string importer)
    {
        if (nameId < _loaderImporter.Length && _loaderImporter[nameId] is { } name)
        {
            cumulativeMicros = _loaderCumulative[nameId];
            importer = name;
            return true;
        }

        cumulativeMicros = 0;
        importer = "";
        return false;
    }

    /// <summary>Adds the names of the folded rows.</summary>
    public void AddNames(HashSet<int> names)
    {
        for (var i = 0; i < Count; i++)
        {
            names.Add(_nodes[i].NameId);
        }
    }

    private struct Path
    {
        public int Parent;
        public int NameId;
        public string Name;
        public long SelfMicros;
        public long CumulativeMicros;
        public int Rows;
        public int FirstPreOrder;
    }
}
