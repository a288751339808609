using ColdStart.Analysis;
using ColdStart.Analysis.Comparison;
using ColdStart.Cli.Internal;

namespace ColdStart.Cli.Rendering.Internal;

/// <summary>
/// What was wrong with one strategy's logs and left out of its figures — partial inputs (<c>--allow-partial</c>),
/// incomplete cold starts, duplicate events — so every format of <c>coldstart compare</c> can say so.
/// </summary>
internal sealed record StrategyInput(string Name, IReadOnlyList<SourceSummary> PartialInputs, IncompleteColdStarts Incomplete, long DuplicateEventsDropped)
{
    public static StrategyInput Of(StrategyLogs logs) =>
        new(logs.Name, logs.PartialInputs.ToList(), logs.IncompleteColdStarts, logs.Skipped[SkipReason.DuplicateEvent]);

    /// <summary>One line per thing to say, empty when the logs were whole; a partial input starts with <c>PARTIAL INPUT</c>.</summary>
    public IEnumerable<string> Notes()
    {
        foreach (var source in PartialInputs)
        {
            yield return $"PARTIAL INPUT: {Name}: {ReportText.PartialLine(source)}";
        }

        if (Incomplete.Total > 0)
        {
            yield return $"{Name}: incomplete cold starts {ReportText.IncompleteLine(Incomplete)}";
        }

        if (DuplicateEventsDropped > 0)
        {
            yield return $"{Name}: {Format.Count(DuplicateEventsDropped)} duplicate event lines dropped (overlapping inputs)";
        }
    }
}
