namespace ColdStart.Analysis.Comparison.Internal;

/// <summary>What a comparison reads of one cold start: its figures, not its import forest.</summary>
internal sealed record ColdStartFacts(
    string Stream,
    string InitType,
    PhaseSplit Split,
    double? InitDurationMs,
    double? FirstReportInitDurationMs,
    long? InitImportMicros,
    long? InvokeImportMicros)
{
    /// <summary>From a parsed cold start (its forest in <see cref="ColdStartProfile.Roots"/>).</summary>
    public static ColdStartFacts Of(ColdStartProfile coldStart) => Of(coldStart, coldStart.SumRoots);

    /// <summary>From a cold start as the parser hands it over, its roots' sums taken from its rows.</summary>
    public static ColdStartFacts Of(ColdStartProfile coldStart, Func<ImportPhase, string?, long> sumRoots) => new(
        coldStart.Stream, coldStart.InitType, coldStart.Split, coldStart.InitDurationMs, coldStart.FirstReport?.InitDurationMs,
        coldStart.InitImportMicrosFrom(sumRoots), coldStart.InvokeImportMicrosFrom(sumRoots));
}
