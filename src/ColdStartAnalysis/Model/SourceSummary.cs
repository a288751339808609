namespace ColdStart.Analysis;

/// <summary>What was read from one input.</summary>
/// <param name="Name">The input's name (file path, or <c>-</c> for stdin).</param>
/// <param name="DetectedFormat">The shape detected.</param>
/// <param name="Lines">Lines read from it (log messages for JSON exports, each line of a multi-line message counted).</param>
public sealed record SourceSummary(string Name, InputFormat DetectedFormat, long Lines)
{
    /// <summary>
    /// Set when the input broke before its end (a cut or corrupt JSON document or gzip stream) and
    /// <see cref="ParseOptions.AllowPartial"/> let the parse go on with what came before. Default: null (read to its end).
    /// </summary>
    public PartialInput? Partial { get; init; }

    /// <summary>
    /// The name of an earlier input with the same bytes (the same file given twice, or a copy): this one was skipped whole
    /// and contributes nothing. Default: null.
    /// </summary>
    public string? DuplicateOf { get; init; }

    /// <summary>Whether the input was compressed (gzip, as CloudWatch Logs exports to S3 are). Default: false.</summary>
    public bool Compressed { get; init; }
}
