namespace ColdStart.Bench.Logs;

/// <summary>The export shapes the generator writes.</summary>
public enum LogShape
{
    /// <summary><c>aws logs tail</c> in its default (detailed) format: timestamp and stream name before every message; 20 interleaved environments.</summary>
    AwsLogsTail,

    /// <summary>The same events as one <c>aws logs filter-log-events</c> JSON document, pretty-printed as the AWS CLI prints it.</summary>
    FilterLogEventsJson,

    /// <summary>Raw stderr of <c>python -X importtime</c> runs appended to one file (header, init rows, lazy rows per run).</summary>
    RawImportTime,

    /// <summary>
    /// Lambda text without prefixes, one environment after another (log streams copied from the console one after
    /// the other): short lines, almost all import rows, one or two requests per environment.
    /// </summary>
    DenseConsoleText,

    /// <summary>One header followed by millions of rows: one process that keeps re-importing (a real forest repeated, nested 0–4 levels deep under a task runner).</summary>
    EnormousColdStart,
}

/// <summary>Short names for the command line and file names.</summary>
public static class LogShapes
{
    /// <summary>Every shape.</summary>
    public static IReadOnlyList<LogShape> All { get; } = Enum.GetValues<LogShape>();

    /// <summary><c>tail</c>, <c>json</c>, <c>raw</c>, <c>dense</c>, <c>enormous</c>.</summary>
    public static string ShortName(this LogShape shape) => shape switch
    {
        LogShape.AwsLogsTail => "tail",
        LogShape.FilterLogEventsJson => "json",
        LogShape.RawImportTime => "raw",
        LogShape.DenseConsoleText => "dense",
        LogShape.EnormousColdStart => "enormous",
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    /// <summary>The shape with that short name.</summary>
    public static LogShape Parse(string name)
    {
        foreach (var shape in All)
        {
            if (shape.ShortName() == name)
            {
                return shape;
            }
        }

        throw new ArgumentException($"unknown shape '{name}': expected one of {string.Join(", ", All.Select(s => s.ShortName()))}");
    }

    /// <summary>File extension.</summary>
    public static string Extension(this LogShape shape) => shape == LogShape.FilterLogEventsJson ? "json" : "log";
}
