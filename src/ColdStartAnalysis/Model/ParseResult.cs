namespace ColdStart.Analysis;

/// <summary>Everything <see cref="LogParser"/> kept from its inputs.</summary>
public sealed class ParseResult
{
    internal ParseResult(
        IReadOnlyList<ColdStartProfile> coldStarts,
        IReadOnlyList<Invocation> invocations,
        long linesRead,
        long linesUsed,
        long linesIgnored,
        long bytesRead,
        SkipCounts skipped,
        IReadOnlyList<SourceSummary> sources,
        IncompleteColdStarts incomplete)
    {
        ColdStarts = coldStarts;
        Invocations = invocations;
        LinesRead = linesRead;
        LinesUsed = linesUsed;
        LinesIgnored = linesIgnored;
        BytesRead = bytesRead;
        Skipped = skipped;
        Sources = sources;
        IncompleteColdStarts = incomplete;
    }

    /// <summary>
    /// Cold starts with a complete import profile, in the order they began. Cold starts whose profile is visibly incomplete
    /// are not here: they are counted in <see cref="IncompleteColdStarts"/>.
    /// </summary>
    public IReadOnlyList<ColdStartProfile> ColdStarts { get; }

    /// <summary>Every REPORT seen, in input order.</summary>
    public IReadOnlyList<Invocation> Invocations { get; }

    /// <summary>Lines read over all inputs. Always <see cref="LinesUsed"/> + <see cref="LinesIgnored"/> + <see cref="SkipCounts.LinesDropped"/>.</summary>
    public long LinesRead { get; }

    /// <summary>Lines that fed the model: import rows and headers, wrapper lines, Lambda platform lines.</summary>
    public long LinesUsed { get; }

    /// <summary>Lines read and deliberately ignored: the function's own output, other log lines, blank lines.</summary>
    public long LinesIgnored { get; }

    /// <summary>Bytes read over all inputs.</summary>
    public long BytesRead { get; }

    /// <summary>Dropped lines and structure anomalies, by reason.</summary>
    public SkipCounts Skipped { get; }

    /// <summary>One summary per input, in the order given.</summary>
    public IReadOnlyList<SourceSummary> Sources { get; }

    /// <summary>Cold starts left out of <see cref="ColdStarts"/> because their profile is visibly incomplete, by reason.</summary>
    public IncompleteColdStarts IncompleteColdStarts { get; }

    /// <summary>The inputs that broke before their end and were read only up to the break (<see cref="ParseOptions.AllowPartial"/>).</summary>
    public IEnumerable<SourceSummary> PartialInputs => Sources.Where(s => s.Partial is not null);

    /// <summary>Lines dropped because an earlier input already had the same event (<see cref="SkipReason.DuplicateEvent"/>).</summary>
    public long DuplicateEventsDropped => Skipped[SkipReason.DuplicateEvent];
}
