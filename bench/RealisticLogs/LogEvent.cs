namespace ColdStart.Bench.Logs;

/// <summary>One CloudWatch log event: the stream it was logged to, when (µs since the epoch), and its message (no trailing newline).</summary>
public readonly record struct LogEvent(string Stream, long Micros, string Message)
{
    /// <summary>CloudWatch keeps millisecond timestamps.</summary>
    public long Millis => Micros / 1000;
}
