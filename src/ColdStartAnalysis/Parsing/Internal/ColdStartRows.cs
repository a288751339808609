namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// The import rows of one closed, complete cold start, in printed order and linked as its forest: what a sink reads
/// instead of <see cref="ImportNode"/> objects. The report aggregates straight from it; <see cref="ParseResult"/> turns it
/// into <see cref="ImportNode"/>s (<see cref="ToNodes"/>). Instances are reused from one cold start to the next: a sink
/// reads one until it gives it back (<see cref="IColdStartSink.OnColdStart"/>).
/// </summary>
internal sealed class ColdStartRows
{
    private Row[] _rows = new Row[256];
    private int[] _preOrder = new int[256];
    private int[] _stack = new int[256];

    /// <summary>Rows room is kept for once this one is read (<see cref="Shrink"/>): what one enormous cold start needed is not
    /// kept for the rest of the input.</summary>
    private const int KeptCapacity = 1 << 16;

    /// <summary>Rows; a row's index is its order in the cold start's output (children before their parent).</summary>
    public int Count { get; private set; }

    /// <summary>The first root (in printed order), or -1 when there are no rows.</summary>
    public int FirstRoot { get; private set; } = -1;

    // for the folded rows: how many rows each stands for, and the pre-order index of the first
    private int[] _rowsFolded = [];
    private int[] _firstPreOrder = [];

    /// <summary>
    /// Rows 0 to <see cref="Folded"/> - 1 are folded import paths of a very large cold start (<see cref="PathFolder"/>): each
    /// stands for <see cref="RowsAt"/> init-phase rows at one path, with their summed times; the rows after them are rows,
    /// printed after every folded one. 0 for every other cold start.
    /// </summary>
    public int Folded { get; private set; }

    /// <summary>What the folded rows came from (their modules' loaders); null when none are.</summary>
    public PathFolder? Folder { get; private set; }

    /// <summary>The pre-order index, in the whole cold start, of the first row after the folded ones: the rows folded.</summary>
    public int FoldedRows => Folder?.Rows ?? 0;

    /// <summary>How many rows of the cold start row <paramref name="row"/> stands for: 1 unless it is folded.</summary>
    public int RowsAt(int row) => row < Folded ? _rowsFolded[row] : 1;

    /// <summary>The pre-order index, in the whole cold start, of the first row folded into row <paramref name="row"/>
    /// (&lt; <see cref="Folded"/>).</summary>
    public int FirstPreOrderOf(int row) => _firstPreOrder[row];

    public ref Row this[int row] => ref _rows[row];

    /// <summary>Makes room for <paramref name="count"/> rows, each of which the caller writes whole (a new
    /// <see cref="Row"/>: what the last cold start left there is not cleared), then calls <see cref="Link"/>.</summary>
    public Span<Row> Reset(int count)
    {
        if (_rows.Length < count)
        {
            var size = Math.Max(count, _rows.Length * 2);
            _rows = new Row[size];
            _preOrder = new int[size];
            _stack = new int[size];
        }

        // the caller writes every row of the new count whole; rows past it held the last cold start's strings
        if (Count > count)
        {
            Array.Clear(_rows, count, Count - count);
        }

        Count = count;
        FirstRoot = -1;
        Folded = 0;
        Folder = null;
        return _rows.AsSpan(0, count);
    }

    /// <summary>After <see cref="Reset"/>: writes the folder's paths as the first rows.</summary>
    public void SetFolded(PathFolder folder, Span<Row> rows)
    {
        if (_rowsFolded.Length < folder.Count)
        {
            _rowsFolded = new int[Math.Max(folder.Count, _rowsFolded.Length * 2)];
            _firstPreOrder = new int[_rowsFolded.Length];
        }

        folder.CopyTo(rows[..folder.Count], _rowsFolded, _firstPreOrder);
        Folded = folder.Count;
        Folder = folder;
    }

    /// <summary>Gives back the room an enormous cold start took (more than 65,536 rows).</summary>
    public void Shrink()
    {
        if (_rows.Length <= KeptCapacity && _rowsFolded.Length <= KeptCapacity)
        {
            return;
        }

        if (_rows.Length > KeptCapacity)
        {
            _rows = new Row[KeptCapacity];
            _preOrder = new int[KeptCapacity];
            _stack = new int[KeptCapacity];
        }

        if (_rowsFolded.Length > KeptCapacity)
        {
            _rowsFolded = [];
            _firstPreOrder = [];
        }

        Count = 0;
        FirstRoot = -1;
        Folded = 0;
        Folder = null;
    }

    /// <summary>Links each parent's children and the roots, each list in printed order (a parent's row comes after its
    /// children's, so walking backwards sees every child before its parent's list is read).</summary>
    public void Link()
    {
        var rows = _rows;
        for (var i = 0; i < Count; i++)
        {
            rows[i].FirstChild = -1;
        }

        FirstRoot = -1;
        for (var i = Count - 1; i >= 0; i--)
        {
            var parent = rows[i].Parent;
            if (parent < 0)
            {
                rows[i].NextSibling = FirstRoot;
                FirstRoot = i;
            }
            else
            {
                rows[i].NextSibling = rows[parent].FirstChild;
                rows[parent].FirstChild = i;
            }
        }
    }

    /// <summary>The rows depth-first, each parent before its children, roots and children in printed order (the order of
    /// <see cref="ColdStartProfile.AllImports"/>). Valid until the next call.</summary>
    public ReadOnlySpan<int> PreOrder()
    {
        var rows = _rows;
        var order = _preOrder;
        var stack = _stack;
        var visited = 0;
        var top = 0;
        if (FirstRoot >= 0)
        {
            stack[top++] = FirstRoot;
        }

        while (top > 0)
        {
            var row = stack[--top];
            order[visited++] = row;

            // the sibling waits below the child, so the child's whole subtree comes first
            if (rows[row].NextSibling >= 0)
            {
                stack[top++] = rows[row].NextSibling;
            }

            if (rows[row].FirstChild >= 0)
            {
                stack[top++] = rows[row].FirstChild;
            }
        }

        return order.AsSpan(0, visited);
    }

    /// <summary>Sum of the cumulative time of the roots of a phase (and request, when given), in microseconds.</summary>
    public long SumRoots(ImportPhase phase, string? requestId)
    {
        long sum = 0;
        for (var i = FirstRoot; i >= 0; i = _rows[i].NextSibling)
        {
            ref var root = ref _rows[i];
            if (root.Phase == phase && (requestId is null || ReferenceEquals(root.Request, requestId) || root.Request == requestId))
            {
                sum += root.CumulativeMicros;
            }
        }

        return sum;
    }

    /// <summary>Loads a parsed cold start's forest (its rows' <see cref="ImportNode.Order"/> are 0 to n - 1), its names'
    /// ids from <paramref name="names"/> (one table for every cold start given to the same accumulator).</summary>
    public void Load(ColdStartProfile coldStart, NameTable names)
    {
        var count = 0;
        foreach (var _ in coldStart.AllImports)
        {
            count++;
        }

        var rows = Reset(count);
        rows.Clear(); // an order given twice must find its place taken
        foreach (var node in coldStart.AllImports)
        {
            if ((uint)node.Order >= (uint)count || rows[node.Order].Name is not null)
            {
                throw new InvalidOperationException($"Import row order {node.Order} of {coldStart} is not unique in 0 to {count - 1}.");
            }

            rows[node.Order] = new Row
            {
                Name = node.Name,
                NameId = names.IdOf(node.Name.AsSpan()),
                Request = node.RequestId,
                SelfMicros = node.SelfMicros,
                CumulativeMicros = node.CumulativeMicros,
                Parent = node.Parent?.Order ?? -1,
                Phase = node.Phase,
                Class = node.Class,
                Cached = node.Cached,
            };
        }

        Link();
    }

    /// <summary>Builds the <see cref="ImportNode"/> forest (depths from the tree, classes as set) and adds its roots.</summary>
    public void ToNodes(List<ImportNode> roots)
    {
        if (Folded > 0)
        {
            throw new InvalidOperationException("Folded rows stand for many rows: they cannot become import nodes.");
        }

        var rows = _rows;
        var nodes = new ImportNode[Count];

        // parents come after their children: backwards, a parent's depth is known before its children's
        for (var i = Count - 1; i >= 0; i--)
        {
            ref var row = ref rows[i];
            nodes[i] = new ImportNode(row.Name, row.SelfMicros, row.CumulativeMicros, row.Cached, row.Parent < 0 ? 0 : nodes[row.Parent].Depth + 1, i)
            {
                Phase = row.Phase,
                RequestId = row.Request,
                Class = row.Class,
            };
        }

        for (var i = 0; i < Count; i++)
        {
            if (rows[i].FirstChild < 0)
            {
                continue;
            }

            var children = 0;
            for (var child = rows[i].FirstChild; child >= 0; child = rows[child].NextSibling)
            {
                children++;
            }

            var list = new ImportNode[children];
            children = 0;
            for (var child = rows[i].FirstChild; child >= 0; child = rows[child].NextSibling)
            {
                list[children++] = nodes[child];
            }

            nodes[i].AdoptChildren(list);
        }

        for (var root = FirstRoot; root >= 0; root = rows[root].NextSibling)
        {
            roots.Add(nodes[root]);
        }
    }

    /// <summary>One row.</summary>
    internal struct Row
    {
        public string Name;

        /// <summary>The name's id in the parse's <see cref="NameTable"/>: the accumulators index by it instead of hashing
        /// the name.</summary>
        public int NameId;

        /// <summary>The request it ran in, for <see cref="ImportPhase.Invoke"/> rows; otherwise null.</summary>
        public string? Request;

        public long SelfMicros;

        public long CumulativeMicros;

        /// <summary>The parent's row index; -1 for a root.</summary>
        public int Parent;

        private byte _phase;

        private byte _class;

        public bool Cached;

        /// <summary>Set by <see cref="Link"/>: the first child's row, or -1.</summary>
        public int FirstChild;

        /// <summary>Set by <see cref="Link"/>: the next child of the same parent (or the next root), or -1.</summary>
        public int NextSibling;

        public ImportPhase Phase
        {
            readonly get => (ImportPhase)_phase;
            set => _phase = (byte)value;
        }

        public ModuleClass Class
        {
            readonly get => (ModuleClass)_class;
            set => _class = (byte)value;
        }
    }
}
