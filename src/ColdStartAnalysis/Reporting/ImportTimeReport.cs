using ColdStart.Analysis.Reporting.Internal;

namespace ColdStart.Analysis;

/// <summary>The data behind <c>coldstart report</c>, independent of how it is rendered.</summary>
public sealed class ImportTimeReport
{
    internal ImportTimeReport(ReportSummary summary, IReadOnlyList<ModuleStat> topBySelf, IReadOnlyList<ModuleStat> topByCumulative,
        IReadOnlyList<ModuleStat> lazyImports, IReadOnlyList<TreeNode> tree, double? medianInitImportMs, PhaseSplit split,
        IReadOnlyList<IneffectiveLazyImport>? ineffectiveLazyImports, int coldStartsWithCachedRows)
    {
        IneffectiveLazyImports = ineffectiveLazyImports;
        ColdStartsWithCachedRows = coldStartsWithCachedRows;
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

    /// <summary>
    /// Cold starts whose profile has cached rows (profiled at <c>-X importtime=2</c>, Python 3.14+) and no child Python
    /// process printing its profile into them (whose span takes the parent's rows too): the only ones that can show a lazy
    /// import that saved nothing, so <see cref="IneffectiveLazyImport.ColdStarts"/> counts out of these, not out
    /// of every cold start (a log can mix runtimes or levels). Default: 0.
    /// </summary>
    public int ColdStartsWithCachedRows { get; }

    /// <summary>The import forest merged across cold starts, filtered by the options.</summary>
    public IReadOnlyList<TreeNode> Tree { get; }

    /// <summary>
    /// Median over cold starts of the init-phase import time: what <c>--budget-metric init-imports-p50</c> checks. Null
    /// without cold starts, and null (unknown, never a median of the known part) when any cold start's figure is unknown.
    /// </summary>
    public double? MedianInitImportMs { get; }

    /// <summary><see cref="PhaseSplit.Unknown"/> when any cold start's split is unknown.</summary>
    public PhaseSplit Split { get; }

    /// <summary>Builds the report from a parse kept in memory.</summary>
    /// <param name="result">What the parser read.</param>
    /// <param name="options">What to include; default: <see cref="ReportOptions"/> with its defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it and the value.</exception>
    public static ImportTimeReport Build(ParseResult result, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= new ReportOptions();
        options.Validate();

        var accumulator = new ReportAccumulator();
        var rows = new Parsing.Internal.ColdStartRows();
        var names = new Parsing.Internal.NameTable();
        for (var i = 0; i < result.ColdStarts.Count; i++)
        {
            rows.Load(result.ColdStarts[i], names);
            accumulator.OnColdStart(result.ColdStarts[i], rows, i);
        }

        foreach (var invocation in result.Invocations)
        {
            accumulator.OnInvocation(invocation);
        }

        return accumulator.Build(result, options);
    }

    /// <summary>
    /// Parses the inputs and builds the report in one streaming pass: each cold start is aggregated when it closes and then
    /// dropped, so memory grows with distinct modules, import paths, environments and values, not with the size of the
    /// logs. The figures are exactly those of <see cref="Build"/> over <see cref="LogParser.Parse(IEnumerable{LogSource}, ParseOptions?)"/>.
    /// </summary>
    /// <param name="sources">The inputs, read as <see cref="LogParser.Parse(IEnumerable{LogSource}, ParseOptions?)"/> reads them.</param>
    /// <param name="parseOptions">How to parse; default: <see cref="ParseOptions"/> with every option at its default.</param>
    /// <param name="options">What to include; default: <see cref="ReportOptions"/> with its defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (checked before anything is read); the message names it and the value.</exception>
    /// <exception cref="LogSourceException">An input cannot be read or is refused, as by <see cref="LogParser.Parse(IEnumerable{LogSource}, ParseOptions?)"/>.</exception>
    public static ImportTimeReport Read(IEnumerable<LogSource> sources, ParseOptions? parseOptions = null, ReportOptions? options = null) =>
        ReadWithThreshold(sources, parseOptions, options, Parsing.Internal.BackgroundSink.DefaultSynchronousRows, Parsing.Internal.PathFolder.DefaultFoldAfterRows,
            Parsing.Internal.RowSpill.DefaultSpillAfterRows);

    /// <summary><see cref="Read"/>, with the point at which the aggregation thread starts.</summary>
    /// <param name="sources">The inputs.</param>
    /// <param name="parseOptions">How to parse.</param>
    /// <param name="options">What to include.</param>
    /// <param name="synchronousRows">Import rows aggregated on the parser's thread before the aggregation thread starts
    /// (tests pass 0 to run every cold start through it).</param>
    /// <param name="foldAfterRows">Rows an open cold start keeps before its complete init-phase rows are folded into one row
    /// per import path (tests pass 1 to fold wherever it can be done).</param>
    /// <param name="spillAfterRows">Open rows kept in memory before quiet environments' rows wait in a temporary file (tests
    /// pass 0 to spill every one).</param>
    internal static ImportTimeReport ReadWithThreshold(IEnumerable<LogSource> sources, ParseOptions? parseOptions, ReportOptions? options, long synchronousRows,
        int foldAfterRows, int spillAfterRows)
    {
        ArgumentNullException.ThrowIfNull(sources);
        options ??= new ReportOptions();
        options.Validate();

        var accumulator = new ReportAccumulator(foldAfterRows, spillAfterRows);
        if (!Parsing.Internal.BackgroundSink.Helps)
        {
            return accumulator.Build(LogParser.Run(sources, parseOptions, accumulator, () => [], () => []), options);
        }

        // the cold starts are aggregated on a second thread while the parser reads on (once the log proves big enough)
        ParseResult totals;
        using (var background = new Parsing.Internal.BackgroundSink(accumulator, synchronousRows))
        {
            totals = LogParser.Run(sources, parseOptions, background, () => [], () => []);
            background.Complete();
        }

        return accumulator.Build(totals, options);
    }
}
