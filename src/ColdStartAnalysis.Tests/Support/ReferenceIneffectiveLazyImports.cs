namespace ColdStart.Analysis.Tests.Support;

/// <summary>
/// The lazy imports that saved nothing as the report found them over <see cref="ImportNode"/> forests, before it read the
/// parser's rows (kept to prove the rows give the same answer; see <see cref="ReferenceReport"/>).
/// Finds, per cold start, the handler-phase imports of modules that were already loaded (3.14 cached rows), and keeps
/// per module only counts and the init cost that was not deferred: nothing of a cold start is kept after <see cref="Add"/>.
/// </summary>
internal sealed class ReferenceIneffectiveLazyImports
{
    private readonly Dictionary<string, Entry> _modules = new(StringComparer.Ordinal);

    /// <summary>
    /// Cold starts with at least one cached row and no child Python process printing into them: only those (profiled at
    /// <c>-X importtime=2</c>, every row attributed) can show an ineffective lazy import, so they are what the per-module
    /// counts are out of. 0 means the question cannot be answered.
    /// </summary>
    public int ColdStartsWithCachedRows { get; private set; }

    /// <param name="coldStart">A complete cold start.</param>
    /// <param name="sequence">The order in which it began: a module's class is that of the earliest cold start that listed
    /// it (a class can differ by Python version), whatever order cold starts are added in.</param>
    public void Add(ColdStartProfile coldStart, long sequence)
    {
        if (coldStart.SubprocessDuringInit || coldStart.SubprocessDuringInvoke)
        {
            // a child process's span takes the parent's rows printed in it too: a loader or a handler import may be
            // missing, so this cold start cannot show the answer (left out of ColdStartsWithCachedRows as well)
            return;
        }

        var cachedRows = false;
        List<ImportNode>? cachedLazyRoots = null;
        Dictionary<string, ImportNode>? loadedAtInit = null;
        Dictionary<string, int>? loadedInHandler = null;
        foreach (var node in coldStart.AllImports)
        {
            if (node.Cached)
            {
                cachedRows = true;
                if (node.Phase == ImportPhase.Invoke && node.Parent?.Phase != ImportPhase.Invoke)
                {
                    (cachedLazyRoots ??= []).Add(node);
                }
            }
            else if (node.Phase == ImportPhase.Init)
            {
                // a process loads a module once: the first row (in printed order) is the one that loaded it
                loadedAtInit ??= new Dictionary<string, ImportNode>(StringComparer.Ordinal);
                if (!loadedAtInit.TryGetValue(node.Name, out var seen) || node.Order < seen.Order)
                {
                    loadedAtInit[node.Name] = node;
                }
            }
            else if (node.Phase == ImportPhase.Invoke)
            {
                loadedInHandler ??= new Dictionary<string, int>(StringComparer.Ordinal);
                loadedInHandler[node.Name] = loadedInHandler.TryGetValue(node.Name, out var order) ? Math.Min(order, node.Order) : node.Order;
            }
        }

        if (cachedRows)
        {
            ColdStartsWithCachedRows++;
        }

        if (cachedLazyRoots is null)
        {
            return;
        }

        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in cachedLazyRoots)
        {
            if ((loadedInHandler is not null && loadedInHandler.TryGetValue(node.Name, out var order) && order < node.Order) || !counted.Add(node.Name))
            {
                continue;
            }

            if (!_modules.TryGetValue(node.Name, out var entry))
            {
                entry = new Entry(node.Class, sequence);
                _modules[node.Name] = entry;
            }
            else if (sequence < entry.FirstSequence)
            {
                (entry.Class, entry.FirstSequence) = (node.Class, sequence);
            }

            entry.ColdStarts++;
            if (loadedAtInit is not null && loadedAtInit.TryGetValue(node.Name, out var loader) && loader.Order < node.Order)
            {
                entry.InitCumulativeMs.Add(loader.CumulativeMicros / 1000.0);
                var importer = loader.Parent?.Name ?? "";
                entry.Importers[importer] = entry.Importers.GetValueOrDefault(importer) + 1;
            }
        }
    }

    /// <summary>Null when no cold start had a cached row; otherwise most cold starts first, then largest init cost, then name.</summary>
    public IReadOnlyList<IneffectiveLazyImport>? Build()
    {
        if (ColdStartsWithCachedRows == 0)
        {
            return null;
        }

        return _modules.Select(m => m.Value.ToResult(m.Key))
            .OrderByDescending(i => i.ColdStarts)
            .ThenByDescending(i => i.MedianInitCumulativeMs ?? -1)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToList();
    }

    private sealed class Entry(ModuleClass moduleClass, long firstSequence)
    {
        public ModuleClass Class { get; set; } = moduleClass;

        public long FirstSequence { get; set; } = firstSequence;

        public int ColdStarts { get; set; }

        public List<double> InitCumulativeMs { get; } = [];

        /// <summary>Init-phase importer → cold starts; "" for the top level.</summary>
        public Dictionary<string, int> Importers { get; } = new(StringComparer.Ordinal);

        public IneffectiveLazyImport ToResult(string name)
        {
            InitCumulativeMs.Sort();
            var loadedBy = Importers.OrderByDescending(i => i.Value).ThenBy(i => i.Key, StringComparer.Ordinal).Select(i => i.Key).FirstOrDefault();
            return new IneffectiveLazyImport(name, Class, ColdStarts, InitCumulativeMs.Count,
                string.IsNullOrEmpty(loadedBy) ? null : loadedBy,
                InitCumulativeMs.Count > 0 ? Percentiles.Rank(InitCumulativeMs, 50) : null);
        }
    }
}
