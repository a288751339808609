using ColdStart.Analysis.Parsing.Internal;

namespace ColdStart.Analysis.Reporting.Internal;

/// <summary>
/// Finds, per cold start, the handler-phase imports of modules that were already loaded (3.14 cached rows), and keeps
/// per module only counts and the init cost that was not deferred: nothing of a cold start is kept after <see cref="Add"/>.
/// </summary>
internal sealed class IneffectiveLazyImportStatistics
{
    private readonly Dictionary<string, Entry> _modules = new(StringComparer.Ordinal);

    /// <summary>
    /// Cold starts with at least one cached row and no child Python process printing into them: only those (profiled at
    /// <c>-X importtime=2</c>, every row attributed) can show an ineffective lazy import, so they are what the per-module
    /// counts are out of. 0 means the question cannot be answered.
    /// </summary>
    public int ColdStartsWithCachedRows { get; private set; }

    /// <param name="coldStart">A complete cold start.</param>
    /// <param name="rows">Its import rows (a row's index is its order in the output).</param>
    /// <param name="sequence">The order in which it began: a module's class is that of the earliest cold start that listed
    /// it (a class can differ by Python version), whatever order cold starts are added in.</param>
    public void Add(ColdStartProfile coldStart, ColdStartRows rows, long sequence)
    {
        if (coldStart.SubprocessDuringInit || coldStart.SubprocessDuringInvoke)
        {
            // a child process's span takes the parent's rows printed in it too: a loader or a handler import may be
            // missing, so this cold start cannot show the answer (left out of ColdStartsWithCachedRows as well)
            return;
        }

        var cachedRows = false;
        List<int>? cachedLazyRoots = null;
        Dictionary<string, int>? loadedAtInit = null;
        Dictionary<string, int>? loadedInHandler = null;
        foreach (var index in rows.PreOrder())
        {
            ref var row = ref rows[index];
            if (row.Cached)
            {
                cachedRows = true;
                if (row.Phase == ImportPhase.Invoke && (row.Parent < 0 || rows[row.Parent].Phase != ImportPhase.Invoke))
                {
                    (cachedLazyRoots ??= []).Add(index);
                }
            }
            else if (row.Phase == ImportPhase.Init && index >= rows.Folded)
            {
                // folded rows came before every row kept: their modules' loaders are the folder's (below)
                // a process loads a module once: the first row (in printed order) is the one that loaded it
                loadedAtInit ??= new Dictionary<string, int>(StringComparer.Ordinal);
                if (!loadedAtInit.TryGetValue(row.Name, out var seen) || index < seen)
                {
                    loadedAtInit[row.Name] = index;
                }
            }
            else if (row.Phase == ImportPhase.Invoke)
            {
                loadedInHandler ??= new Dictionary<string, int>(StringComparer.Ordinal);
                loadedInHandler[row.Name] = loadedInHandler.TryGetValue(row.Name, out var order) ? Math.Min(order, index) : index;
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
        foreach (var index in cachedLazyRoots)
        {
            ref var row = ref rows[index];
            if ((loadedInHandler is not null && loadedInHandler.TryGetValue(row.Name, out var order) && order < index) || !counted.Add(row.Name))
            {
                continue;
            }

            if (!_modules.TryGetValue(row.Name, out var entry))
            {
                entry = new Entry(row.Class, sequence);
                _modules[row.Name] = entry;
            }
            else if (sequence < entry.FirstSequence)
            {
                (entry.Class, entry.FirstSequence) = (row.Class, sequence);
            }

            entry.ColdStarts++;
            if (rows.Folder is { } folder && folder.TryGetLoader(row.NameId, out var loaderCumulative, out var loaderImporter))
            {
                entry.InitCumulativeMs.Add(loaderCumulative / 1000.0);
                entry.Importers[loaderImporter] = entry.Importers.GetValueOrDefault(loaderImporter) + 1;
            }
            else if (loadedAtInit is not null && loadedAtInit.TryGetValue(row.Name, out var loader) && loader < index)
            {
                ref var loaderRow = ref rows[loader];
                entry.InitCumulativeMs.Add(loaderRow.CumulativeMicros / 1000.0);
                var importer = loaderRow.Parent < 0 ? "" : rows[loaderRow.Parent].Name;
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
