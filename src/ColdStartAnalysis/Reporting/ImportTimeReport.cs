using ColdStart.Analysis.Reporting.Internal;

namespace ColdStart.Analysis;

/// <summary>The data behind <c>coldstart report</c>, independent of how it is rendered.</summary>
public sealed class ImportTimeReport
{
    private ImportTimeReport(ReportSummary summary, IReadOnlyList<ModuleStat> topBySelf, IReadOnlyList<ModuleStat> topByCumulative,
        IReadOnlyList<ModuleStat> lazyImports, IReadOnlyList<TreeNode> tree, double? medianInitImportMs, PhaseSplit split, IReadOnlyList<IneffectiveLazyImport>? ineffectiveLazyImports)
    {
        IneffectiveLazyImports = ineffectiveLazyImports;
        Summary = summary;
        TopBySelf = topBySelf;
        TopByCumulative = topByCumulative;
        LazyImports = lazyImports;
        Tree = tree;
        MedianInitImportMs = medianInitImportMs;
        Split = split;
    }

    /// <summary>Counts, percentiles and what was read.</summary>
    public ReportSummary Summary { get; }

    /// <summary>The modules with the largest median self time (all phases), largest first.</summary>
    public IReadOnlyList<ModuleStat> TopBySelf { get; }

    /// <summary>The modules with the largest median cumulative time (all phases), largest first.</summary>
    public IReadOnlyList<ModuleStat> TopByCumulative { get; }

    /// <summary>
    /// Lazy imports: invoke-phase imports not caused by another invoke-phase import, by median cumulative time,
    /// with what they added to the first invocation. Not cut to <see cref="ReportOptions.Top"/>.
    /// </summary>
    public IReadOnlyList<ModuleStat> LazyImports { get; }

    /// <summary>
    /// Lazy imports that saved nothing: handler-phase imports of modules that were already loaded (Python 3.14
    /// <c>-X importtime=2</c> cached rows), most cold starts first, with the init-phase importer that loaded them. Null
    /// (unknown, not "none") when no cold start has a cached row (profiled without <c>-X importtime=2</c>, which only
    /// Python 3.14+ prints) or the phase split is unknown. Not cut to <see cref="ReportOptions.Top"/>.
    /// </summary>
    public IReadOnlyList<IneffectiveLazyImport>? IneffectiveLazyImports { get; }

    /// <summary>The import forest merged across cold starts, filtered by the options.</summary>
    public IReadOnlyList<TreeNode> Tree { get; }

    /// <summary>
    /// Median over cold starts of the init-phase import time: what <c>--budget-metric init-imports-p50</c> checks. Null
    /// without cold starts, and null (unknown, never a median of the known part) when any cold start's figure is unknown.
    /// </summary>
    public double? MedianInitImportMs { get; }

    /// <summary><see cref="PhaseSplit.Unknown"/> when any cold start's split is unknown.</summary>
    public PhaseSplit Split { get; }

    /// <summary>Builds the report.</summary>
    /// <param name="result">What the parser read.</param>
    /// <param name="options">What to include; default: <see cref="ReportOptions"/> with its defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it and the value.</exception>
    public static ImportTimeReport Build(ParseResult result, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= new ReportOptions();
        options.Validate();

        var all = new ModuleStatistics();
        var lazy = new ModuleStatistics();
        var tree = new TreeMerger();
        var ineffective = new IneffectiveLazyImportStatistics();
        var firstDurations = new List<double>();
        var firstLazy = new List<double?>();
        foreach (var coldStart in result.ColdStarts)
        {
            all.Add(coldStart, _ => true);
            var firstRequest = coldStart.FirstReport?.RequestId;
            lazy.Add(coldStart, IsLazyRoot, n => firstRequest is not null && n.RequestId == firstRequest ? n.CumulativeMicros / 1000.0 : null);
            tree.Add(coldStart);
            ineffective.Add(coldStart);
            if (coldStart.FirstReport is { } report)
            {
                firstDurations.Add(report.DurationMs);
                firstLazy.Add(coldStart.FirstInvocationImportMicros / 1000.0);
            }
        }

        var initImports = result.ColdStarts.Select(c => c.InitImportMicros / 1000.0).ToList();
        var initDurations = result.Invocations.Where(i => i.Metrics.InitDurationMs is not null).Select(i => i.Metrics.InitDurationMs!.Value)
            .Concat(result.ColdStarts.Where(c => c.FirstReport?.InitDurationMs is null && c.InitDurationMs is not null).Select(c => c.InitDurationMs!.Value));
        var withChildren = result.ColdStarts.Where(c => c.Subprocesses > 0).ToList();
        var summary = new ReportSummary(
            result.ColdStarts.Count,
            result.ColdStarts.GroupBy(c => c.InitType).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            result.ColdStarts.Count(c => c.Split == PhaseSplit.Unknown),
            Percentiles.Of(initDurations),
            Percentiles.Of(initImports),
            Percentiles.Of(firstDurations),
            Percentiles.Of(firstLazy),
            result.Invocations.Count,
            result.Invocations.Count(i => i.IsColdStart),
            result.LinesRead,
            result.LinesUsed,
            result.LinesIgnored,
            result.BytesRead,
            result.Skipped,
            result.Sources,
            result.IncompleteColdStarts,
            initImports.Count(v => v is null),
            withChildren.Sum(c => c.Subprocesses),
            withChildren.Count,
            Percentiles.Of(withChildren.Select(c => c.SubprocessImportMicros / 1000.0)));

        return new ImportTimeReport(
            summary,
            all.Top(options.Top, bySelf: true),
            all.Top(options.Top, bySelf: false),
            lazy.Top(int.MaxValue, bySelf: false),
            tree.Build(options),
            initImports.Count > 0 && initImports.All(v => v is not null) ? Percentiles.Of(initImports).P50 : null,
            summary.ColdStartsWithUnknownSplit > 0 ? PhaseSplit.Unknown : PhaseSplit.Known,
            summary.ColdStartsWithUnknownSplit > 0 ? null : ineffective.Build());
    }

    private static bool IsLazyRoot(ImportNode node) => node.Phase == ImportPhase.Invoke && node.Parent?.Phase != ImportPhase.Invoke;
}
