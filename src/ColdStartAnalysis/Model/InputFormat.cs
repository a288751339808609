namespace ColdStart.Analysis;

/// <summary>The shape detected for one input.</summary>
public enum InputFormat
{
    /// <summary>Nothing but blank lines (or nothing at all).</summary>
    Empty,

    /// <summary>No line the parser understands: neither import rows nor Lambda platform lines.</summary>
    Unrecognised,

    /// <summary>Raw stderr of <c>python -X importtime</c>: import rows, no Lambda platform lines.</summary>
    RawImportTime,

    /// <summary>Lambda text log format as copied from the console or a log stream (START/END/REPORT lines).</summary>
    LambdaText,

    /// <summary>Lambda JSON log format: <c>platform.*</c> records, one JSON object a line, mixed with plain import rows.</summary>
    LambdaJson,

    /// <summary><c>aws logs tail</c> output: a timestamp (and, in the default format, the log stream name) before each message.</summary>
    AwsLogsTail,

    /// <summary><c>aws logs filter-log-events</c> / <c>get-log-events</c> JSON (<c>events[]</c> with <c>message</c>), or Logs Insights JSON.</summary>
    CloudWatchJson,
}
