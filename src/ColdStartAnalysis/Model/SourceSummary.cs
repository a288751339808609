namespace ColdStart.Analysis;

/// <summary>What was read from one input.</summary>
/// <param name="Name">The input's name (file path, or <c>-</c> for stdin).</param>
/// <param name="DetectedFormat">The shape detected.</param>
/// <param name="Lines">Lines read from it (log messages for JSON exports, each line of a multi-line message counted).</param>
public sealed record SourceSummary(string Name, InputFormat DetectedFormat, long Lines);
