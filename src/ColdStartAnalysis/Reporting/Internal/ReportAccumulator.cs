using ColdStart.Analysis.Parsing.Internal;

namespace ColdStart.Analysis.Reporting.Internal;

/// <summary>
/// Everything <see cref="ImportTimeReport"/> needs, fed one cold start and one REPORT at a time, in any order of cold
/// starts: per-module and per-path counted histograms and the summary's counts and histograms. Nothing of a cold start is
/// kept once it is added, so memory grows with distinct modules, paths and values, not with rows. Both
/// <see cref="ImportTimeReport.Build"/> and <see cref="ImportTimeReport.Read"/> aggregate here.
/// </summary>
/// <param name="foldAfterRows">Rows an open cold start keeps before folding (<see cref="IColdStartSink.FoldAfterRows"/>);
/// default: <see cref="PathFolder.DefaultFoldAfterRows"/>.</param>
/// <param name="spillAfterRows">Open rows kept in memory before quiet environments' rows are spilled
/// (<see cref="IColdStartSink.SpillAfterRows"/>); default: <see cref="RowSpill.DefaultSpillAfterRows"/>.</param>
internal sealed class ReportAccumulator(int foldAfterRows = PathFolder.DefaultFoldAfterRows, int spillAfterRows = RowSpill.DefaultSpillAfterRows) : IColdStartSink
{
    private readonly ModuleAccumulator _all = new();
    private readonly ModuleAccumulator _lazy = new();
    private readonly TreeAccumulator _tree = new();
    private readonly IneffectiveLazyImportStatistics _ineffective = new();
    // per row of the cold start being added (reused): its merged path and its root's phase
    private TreeAccumulator.PathNode[] _paths = new TreeAccumulator.PathNode[256];
    private ImportPhase[] _rootPhases = new ImportPhase[256];
    private readonly Dictionary<string, int> _byInitType = new(StringComparer.Ordinal);
    private readonly CountedHistogram<double> _initDurations = new();
    private readonly MicrosHistogram _initImports = new();
    private readonly CountedHistogram<double> _firstDurations = new();
    private readonly MicrosHistogram _firstLazy = new();
    private readonly MicrosHistogram _subprocessImports = new();
    private readonly CountedHistogram<long> _initModules = new();
    private readonly CountedHistogram<long> _handlerModules = new();
    private int _coldStarts;
    private int _unknownSplit;
    private int _unknownInitImports;
    private int _subprocesses;
    private int _invocations;
    private int _coldInvocations;

    /// <summary>Every figure the report gives of init-phase rows is a sum or count over a path or a module, which folded
    /// rows keep (and each module's first row, for ineffective lazy imports).</summary>
    public int? FoldAfterRows { get; } = foldAfterRows;

    /// <summary>The report reads each cold start once, when it closes: its rows may wait on disk until then.</summary>
    public int? SpillAfterRows { get; } = spillAfterRows;

    public ColdStartRows OnColdStart(ColdStartProfile coldStart, ColdStartRows rows, long sequence)
    {
        _coldStarts++;
        CountInitType(coldStart.InitType);
        if (coldStart.Split == PhaseSplit.Unknown)
        {
            _unknownSplit++;
        }

        if (coldStart.FirstReport?.InitDurationMs is null && coldStart.InitDurationMs is { } initDuration)
        {
            AddKnown(_initDurations, initDuration);
        }

        if (coldStart.InitImportMicrosFrom(rows.SumRoots) is { } initImports)
        {
            _initImports.Add(initImports);
        }
        else
        {
            _unknownInitImports++;
        }

        if (coldStart.FirstReport is { } report)
        {
            AddKnown(_firstDurations, report.DurationMs);
            if (coldStart.FirstInvocationImportMicrosFrom(rows.SumRoots) is { } lazy)
            {
                _firstLazy.Add(lazy);
            }
        }

        if (coldStart.Subprocesses > 0)
        {
            _subprocesses += coldStart.Subprocesses;
            _subprocessImports.Add(coldStart.SubprocessImportMicros);
        }

        AddImports(coldStart, rows, sequence);
        return rows;
    }

    public void OnInvocation(Invocation invocation)
    {
        _invocations++;
        if (invocation.IsColdStart)
        {
            _coldInvocations++;
        }

        if (invocation.Metrics.InitDurationMs is { } initDuration)
        {
            AddKnown(_initDurations, initDuration);
        }
    }

    /// <summary>The report over what was added; <paramref name="totals"/> gives the line, byte, source and incomplete counts.</summary>
    public ImportTimeReport Build(ParseResult totals, ReportOptions options)
    {
        var summary = new ReportSummary(
            _coldStarts,
            _byInitType.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Value),
            _unknownSplit,
            _initDurations.ToPercentiles(ms => ms),
            _initImports.ToPercentiles(),
            _firstDurations.ToPercentiles(ms => ms),
            _firstLazy.ToPercentiles(),
            _invocations,
            _coldInvocations,
            totals.LinesRead,
            totals.LinesUsed,
            totals.LinesIgnored,
            totals.BytesRead,
            totals.Skipped,
            totals.Sources,
            totals.IncompleteColdStarts,
            _unknownInitImports,
            _subprocesses,
            _subprocessImports.Count,
            _subprocessImports.ToPercentiles())
        {
            InitModulesImported = _initModules.ToPercentiles(n => n),
            HandlerModulesImported = _handlerModules.ToPercentiles(n => n),
        };

        return new ImportTimeReport(
            summary,
            _all.Top(options.Top, bySelf: true),
            _all.Top(options.Top, bySelf: false),
            _lazy.Top(int.MaxValue, bySelf: false),
            _tree.Build(options),
            _coldStarts > 0 && _unknownInitImports == 0 ? summary.InitImportMs.P50 : null,
            summary.ColdStartsWithUnknownSplit > 0 ? PhaseSplit.Unknown : PhaseSplit.Known,
            summary.ColdStartsWithUnknownSplit > 0 ? null : _ineffective.Build(),
            _ineffective.ColdStartsWithCachedRows);
    }

    private static void AddKnown(CountedHistogram<double> histogram, double value)
    {
        // Percentiles.Of leaves NaN out
        if (!double.IsNaN(value))
        {
            histogram.Add(value);
        }
    }

    private void CountInitType(string initType) =>
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_byInitType, initType, out _)++;

    /// <summary>One pre-order walk over the cold start's rows feeds the module lists, the lazy imports and the merged tree.</summary>
    private void AddImports(ColdStartProfile coldStart, ColdStartRows rows, long sequence)
    {
        _all.Begin();
        _lazy.Begin();
        if (_paths.Length < rows.Count)
        {
            _paths = new TreeAccumulator.PathNode[Math.Max(rows.Count, _paths.Length * 2)];
            _rootPhases = new ImportPhase[_paths.Length];
        }

        var firstRequest = coldStart.FirstReport?.RequestId;
        // a folded row (rows.Folded) stands for several rows; the rows after the folded ones came after all of them
        var unfolded = rows.FoldedRows;
        long initModules = 0;
        long handlerModules = 0;
        var cached = false;
        foreach (var index in rows.PreOrder())
        {
            ref var row = ref rows[index];

            // a parent comes before its children in pre-order: its path and root phase are known
            var parent = row.Parent;
            var rootPhase = parent < 0 ? row.Phase : _rootPhases[parent];
            _rootPhases[index] = rootPhase;
            var preOrderIndex = index < rows.Folded ? rows.FirstPreOrderOf(index) : unfolded++;
            _paths[index] = _tree.Add(parent < 0 ? _tree.Root : _paths[parent], in row, rootPhase, sequence, preOrderIndex);
            cached |= row.Cached;
            if (!row.Cached)
            {
                _all.Add(in row, null);
                if (row.Phase == ImportPhase.Invoke && (parent < 0 || rows[parent].Phase != ImportPhase.Invoke))
                {
                    _lazy.Add(in row, firstRequest is not null && row.Request == firstRequest ? row.CumulativeMicros / 1000.0 : null);
                }

                if (row.Phase == ImportPhase.Init)
                {
                    initModules += rows.RowsAt(index);
                }
                else if (row.Phase == ImportPhase.Invoke)
                {
                    handlerModules++;
                }
            }
        }

        Array.Clear(_paths, 0, rows.Count);
        _tree.EndColdStart();
        _all.End(sequence);
        _lazy.End(sequence);
        if (cached)
        {
            // only 3.14's -X importtime=2 prints cached rows: the second walk is for those profiles alone
            _ineffective.Add(coldStart, rows, sequence);
        }

        if (coldStart.Split == PhaseSplit.Known)
        {
            if (!coldStart.SubprocessDuringInit)
            {
                _initModules.Add(initModules);
            }

            if (!coldStart.SubprocessDuringInvoke)
            {
                _handlerModules.Add(handlerModules);
            }
        }
    }
}
