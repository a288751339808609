namespace ColdStart.Constructs.Dashboard.Internal;

/// <summary>
/// The Logs Insights queries of the dashboard and of the saved query definitions, as lines (the widget joins them
/// with <c>| </c>). The parse patterns are constants so tests can run them against real interpreter output.
/// </summary>
internal static class InsightsQueries
{
    /// <summary>
    /// A row of CPython's <c>-X importtime</c> output: <c>import time:  self |  cumulative | &lt;indent&gt;name</c>.
    /// Rows of <c>-X importtime=2</c> for cached modules (<c>cached | cached</c>) and the header do not match.
    /// </summary>
    public const string ImportLinePattern =
        @"import time:\s+(?<self_us>\d+)\s+\|\s+(?<cumulative_us>\d+)\s+\|\s+(?<module>\S+)";

    /// <summary>The wrapper's profile-start line (docs/wrapper.md), capturing the initialisation type.</summary>
    public const string ProfileStartPattern = @"coldstart: importtime profile start; .*init_type=(?<init_type>[^;]*);";

    /// <summary>Lambda's START and END lines, capturing which one and the request id.</summary>
    public const string InvocationBoundaryPattern = @"^(?<phase>START|END) RequestId: (?<request_id>\S+)";

    /// <summary>Time bucket of the cold-start series.</summary>
    public const string ColdStartBin = "15m";

    /// <summary>Rows shown by the import tables.</summary>
    public const int ImportRows = 25;

    /// <summary>Rows shown by the table of imports around invocations.</summary>
    public const int BoundaryRows = 200;

    /// <summary>Cold starts (REPORT lines with <c>Init Duration</c>) and SnapStart restores over time.</summary>
    public static string[] ColdStarts() =>
    [
        "filter @type = \"REPORT\"",
        "stats sum(strcontains(@message, \"Init Duration\")) as cold_starts, " +
        "sum(strcontains(@message, \"Restore Duration\")) as snapstart_restores, " +
        $"count(*) as invocations by bin({ColdStartBin})",
    ];

    /// <summary>Init Duration percentiles over the dashboard's time range, and what those INITs cost.</summary>
    /// <param name="usdPerMillisecond">On-demand price of one millisecond of INIT for this function.</param>
    public static string[] InitDuration(double usdPerMillisecond) =>
    [
        "filter @type = \"REPORT\" and ispresent(@initDuration)",
        "stats count(*) as cold_starts, pct(@initDuration, 50) as p50_ms, pct(@initDuration, 90) as p90_ms, " +
        $"pct(@initDuration, 99) as p99_ms, max(@initDuration) as max_ms, sum(@initDuration * {PlainNumber.Format(usdPerMillisecond)}) as init_usd",
    ];

    /// <summary>The slowest imports across every profiled cold start of one log group.</summary>
    public static string[] SlowestImports() =>
    [
        "filter @message like \"import time:\"",
        $"parse @message /{ImportLinePattern}/",
        "filter ispresent(module)",
        "stats avg(cumulative_us) as avg_cumulative_us, max(cumulative_us) as max_cumulative_us, " +
        "avg(self_us) as avg_self_us, count(*) as imports by module",
        "sort avg_cumulative_us desc",
        $"limit {ImportRows}",
    ];

    /// <summary>
    /// Import rows next to the START and END lines of their streams, in time order. Logs Insights cannot relate one row
    /// to another (no "after the first START of this stream"), so it cannot label a row as an invocation import; the
    /// reader (or <c>coldstart compare</c>, which walks each stream in order) does.
    /// </summary>
    public static string[] ImportsAroundInvocations() =>
    [
        "filter @message like \"import time:\" or @message like /^(START|END) RequestId/",
        $"parse @message /{ImportLinePattern}/",
        $"parse @message /{InvocationBoundaryPattern}/",
        "display @timestamp, @logStream, phase, request_id, module, cumulative_us",
        "sort @timestamp asc",
        $"limit {BoundaryRows}",
    ];

    /// <summary>Saved query: the imports with the highest cumulative time, per log group (<c>@log</c>), across cold starts.</summary>
    public static string[] TopImportsByCumulativeTime() =>
    [
        "filter @message like \"import time:\"",
        $"parse @message /{ImportLinePattern}/",
        "filter ispresent(module)",
        "stats avg(cumulative_us) as avg_cumulative_us, max(cumulative_us) as max_cumulative_us, " +
        "avg(self_us) as avg_self_us, count(*) as imports by @log, module",
        "sort avg_cumulative_us desc",
        "limit 100",
    ];

    /// <summary>Saved query: Init Duration percentiles per log group, i.e. per variant.</summary>
    public static string[] ColdStartPercentilesByVariant() =>
    [
        "filter @type = \"REPORT\" and ispresent(@initDuration)",
        "stats count(*) as cold_starts, pct(@initDuration, 50) as p50_ms, pct(@initDuration, 90) as p90_ms, " +
        "pct(@initDuration, 99) as p99_ms, max(@initDuration) as max_ms by @log",
    ];

    /// <summary>Saved query: the share of invocations that were cold starts, hourly, per variant.</summary>
    public static string[] ColdStartRateOverTime() =>
    [
        "filter @type = \"REPORT\"",
        "stats sum(strcontains(@message, \"Init Duration\")) / count(*) * 100 as cold_start_pct, " +
        "count(*) as invocations by bin(1h), @log",
    ];

    /// <summary>Saved query: interpreter starts per initialisation type, from the wrapper's profile-start line.</summary>
    public static string[] ProfiledInitsByType() =>
    [
        "filter @message like \"coldstart: importtime profile start\"",
        $"parse @message /{ProfileStartPattern}/",
        "stats count(*) as profiled_inits by @log, init_type",
    ];

    /// <summary>One query string, as <c>AWS::Logs::QueryDefinition</c> stores it.</summary>
    public static string Text(IEnumerable<string> lines) => string.Join("\n| ", lines);
}
