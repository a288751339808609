using ColdStart.Analysis;

namespace ColdStart.Bench.Logs;

/// <summary>
/// Checks that the parser reads a generated file exactly as it was written: no skipped line or anomaly, the shape
/// detected, and the cold starts, import rows, REPORTs and lines counted while writing.
/// </summary>
public static class GeneratedLogVerifier
{
    /// <summary>Parses the file and lists every difference from what was written; empty when there is none.</summary>
    public static IReadOnlyList<string> Verify(GeneratedLog log) => Problems(log, LogParser.Parse(LogSource.FromFile(log.Path)));

    /// <summary>Every difference between what was written and what the parser read; empty when there is none.</summary>
    public static IReadOnlyList<string> Problems(GeneratedLog log, ParseResult result)
    {
        var problems = new List<string>();
        void Expect<T>(string what, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                problems.Add($"{Path.GetFileName(log.Path)}: {what}: wrote {expected}, parser found {actual}");
            }
        }

        Expect("skipped lines and anomalies", 0L, result.Skipped.Total);
        if (result.Skipped.Total > 0)
        {
            problems.Add($"{Path.GetFileName(log.Path)}: skips by reason: {string.Join(", ", result.Skipped.NonZero.Select(s => $"{s.Reason} {s.Count}"))}");
        }

        Expect("detected format", ExpectedFormat(log.Shape), result.Sources.Single().DetectedFormat);
        Expect("cold starts", log.ColdStarts, (long)result.ColdStarts.Count);
        Expect("import rows", log.ImportRows, result.ColdStarts.Sum(c => (long)c.AllImports.Count()));
        Expect("REPORT lines", log.Reports, (long)result.Invocations.Count);
        Expect("lines read", log.Lines, result.LinesRead);
        Expect("lines ignored (the function's own output)", log.UserLines, result.LinesIgnored);
        Expect("bytes read", log.Bytes, result.BytesRead);
        return problems;
    }

    private static InputFormat ExpectedFormat(LogShape shape) => shape switch
    {
        LogShape.AwsLogsTail => InputFormat.AwsLogsTail,
        LogShape.FilterLogEventsJson => InputFormat.CloudWatchJson,
        LogShape.DenseConsoleText => InputFormat.LambdaText,
        _ => InputFormat.RawImportTime,
    };
}
