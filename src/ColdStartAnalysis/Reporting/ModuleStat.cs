namespace ColdStart.Analysis;

/// <summary>One module's times across the cold starts that imported it (cached 3.14 rows are not counted).</summary>
/// <param name="Name">Dotted module name.</param>
/// <param name="Class">Runtime, standard library, third party or user.</param>
/// <param name="Phase">The phase it was imported in, in most cold starts (ties go to Init).</param>
/// <param name="MedianMs">Median of the list's metric (self time for <see cref="ImportTimeReport.TopBySelf"/>, cumulative otherwise).</param>
/// <param name="MinMs">Smallest value of the list's metric.</param>
/// <param name="MaxMs">Largest value of the list's metric.</param>
/// <param name="MedianSelfMs">Median self time.</param>
/// <param name="MedianCumulativeMs">Median cumulative time.</param>
/// <param name="ColdStarts">How many cold starts imported it.</param>
/// <param name="MedianFirstInvocationMs">For lazy imports: median time the import added to the first invocation after a cold start,
/// over the cold starts where it ran in that invocation; null otherwise or when it never did.</param>
public sealed record ModuleStat(
    string Name,
    ModuleClass Class,
    ImportPhase Phase,
    double MedianMs,
    double MinMs,
    double MaxMs,
    double MedianSelfMs,
    double MedianCumulativeMs,
    int ColdStarts,
    double? MedianFirstInvocationMs = null);
