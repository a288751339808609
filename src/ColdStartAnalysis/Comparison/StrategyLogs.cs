using ColdStart.Analysis.Comparison.Internal;
using ColdStart.Analysis.Parsing.Internal;

namespace ColdStart.Analysis.Comparison;

/// <summary>
/// One strategy's logs as a comparison reads them: per cold start its figures (not its import forest) and every REPORT,
/// plus the parse's counts. <see cref="Read"/> streams the logs, so memory holds one open cold start per environment, not
/// the whole model a <see cref="ParseResult"/> keeps.
/// </summary>
public sealed class StrategyLogs
{
    private StrategyLogs(string name, IReadOnlyList<ColdStartFacts> coldStarts, IReadOnlyList<Invocation> invocations, ParseResult totals)
    {
        Name = name;
        ColdStartFacts = coldStarts;
        InvocationList = invocations;
        LinesRead = totals.LinesRead;
        Skipped = totals.Skipped;
        Sources = totals.Sources;
        IncompleteColdStarts = totals.IncompleteColdStarts;
    }

    /// <summary>The user's name for the strategy.</summary>
    public string Name { get; }

    /// <summary>Cold starts with a complete import profile.</summary>
    public int ColdStarts => ColdStartFacts.Count;

    /// <summary>REPORT lines read.</summary>
    public int Invocations => InvocationList.Count;

    /// <summary>Lines read over the strategy's inputs.</summary>
    public long LinesRead { get; }

    /// <summary>Dropped lines and structure anomalies, by reason.</summary>
    public SkipCounts Skipped { get; }

    /// <summary>One summary per input, in the order given.</summary>
    public IReadOnlyList<SourceSummary> Sources { get; }

    /// <summary>The inputs read only up to a break (<see cref="ParseOptions.AllowPartial"/>).</summary>
    public IEnumerable<SourceSummary> PartialInputs => Sources.Where(s => s.Partial is not null);

    /// <summary>Cold starts left out because their profile is visibly incomplete, by reason.</summary>
    public IncompleteColdStarts IncompleteColdStarts { get; }

    internal IReadOnlyList<ColdStartFacts> ColdStartFacts { get; }

    internal IReadOnlyList<Invocation> InvocationList { get; }

    /// <summary>Reads one strategy's logs in one streaming pass, as <see cref="LogParser.Parse(IEnumerable{LogSource}, ParseOptions?)"/>
    /// reads them; the figures a comparison gives from it are exactly those it gives from that parse.</summary>
    /// <param name="name">The strategy's name.</param>
    /// <param name="sources">Its logs.</param>
    /// <param name="options">How to parse; default: <see cref="ParseOptions"/> with every option at its default.</param>
    /// <exception cref="LogSourceException">An input cannot be read or is refused, as by <see cref="LogParser.Parse(IEnumerable{LogSource}, ParseOptions?)"/>.</exception>
    public static StrategyLogs Read(string name, IEnumerable<LogSource> sources, ParseOptions? options = null) =>
        ReadWithSpill(name, sources, options, Parsing.Internal.RowSpill.DefaultSpillAfterRows);

    /// <summary><see cref="Read(string, IEnumerable{LogSource}, ParseOptions?)"/>, with the open rows kept in memory before
    /// quiet environments' rows are spilled (tests pass 0 to spill every one).</summary>
    internal static StrategyLogs ReadWithSpill(string name, IEnumerable<LogSource> sources, ParseOptions? options, int spillAfterRows)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sink = new StrategySink(spillAfterRows);
        var totals = LogParser.Run(sources, options, sink, () => [], () => []);
        return new StrategyLogs(name, sink.ColdStarts(), sink.Invocations, totals);
    }

    /// <summary>A strategy's logs already parsed.</summary>
    internal static StrategyLogs Of(string name, ParseResult result) =>
        new(name, result.ColdStarts.Select(Internal.ColdStartFacts.Of).ToList(), result.Invocations, result);
}
