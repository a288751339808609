namespace ColdStart.Constructs.Dashboard.Internal;

/// <summary>
/// The Logs Insights queries of the dashboard and of the saved query definitions, as lines (the widget joins them
/// with <c>| </c>), for the log format a variant writes. In the text format Lambda's REPORT lines are read through the
/// fields Logs Insights discovers on them (<c>@type</c>, <c>@initDuration</c>); in the JSON format the platform records
/// are JSON objects whose fields Logs Insights flattens with dots (<c>type</c>, <c>record.metrics.initDurationMs</c>);
/// when the format is not known at synth the queries read both. Import rows and the wrapper's line are plain text in
/// both formats, so those queries do not change. The parse patterns are constants so tests can run them against real
/// interpreter output, and tests run every query against log events of both formats.
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

    /// <summary>Lambda's START and END lines (text format), capturing which one and the request id.</summary>
    public const string InvocationBoundaryPattern = @"^(?<phase>START|END) RequestId: (?<request_id>\S+)";

    /// <summary>The SnapStart fields of a text REPORT line: <c>Restore Duration: N ms&lt;TAB&gt;Billed Restore Duration: N ms</c>.</summary>
    public const string RestorePattern =
        @"Restore Duration: (?<restore_ms>[\d.]+) ms\s+Billed Restore Duration: (?<billed_restore_ms>[\d.]+) ms";

    /// <summary>Time bucket of the cold-start series.</summary>
    public const string ColdStartBin = "15m";

    /// <summary>Rows shown by the import tables.</summary>
    public const int ImportRows = 25;

    /// <summary>Rows shown by the table of imports around invocations.</summary>
    public const int BoundaryRows = 200;

    private const string TextReport = "@type = \"REPORT\"";
    private const string JsonReport = "type = \"platform.report\"";
    private const string JsonInit = "record.metrics.initDurationMs";
    private const string JsonRestore = "record.metrics.restoreDurationMs";
    private const string JsonBilledRestore = "record.metrics.billedRestoreDurationMs";

    /// <summary>
    /// Cold starts (reports with an Init Duration) and SnapStart restores over time. <c>strcontains</c> returns 1 or 0:
    /// "Init Duration" appears only in text REPORT lines that have one, <c>initDurationMs</c> only in JSON reports that do.
    /// </summary>
    public static string[] ColdStarts(LogFormats formats) =>
    [
        $"filter {ReportFilter(formats)}",
        $"stats sum({Contains(formats, "\"Init Duration\"", "\"initDurationMs\"")}) as cold_starts, " +
        $"sum({Contains(formats, "\"Restore Duration\"", "\"restoreDurationMs\"")}) as snapstart_restores, " +
        $"count(*) as invocations by bin({ColdStartBin})",
    ];

    /// <summary>Init Duration percentiles over the dashboard's time range, and what those INITs cost.</summary>
    /// <param name="formats">The variant's log formats.</param>
    /// <param name="usdPerMillisecond">On-demand price of one millisecond of INIT for this function.</param>
    public static string[] InitDuration(LogFormats formats, double usdPerMillisecond)
    {
        var (select, init) = InitDurationField(formats);
        return
        [
            .. select,
            $"stats count(*) as cold_starts, {Percentiles(init)}, sum({init} * {PlainNumber.Format(usdPerMillisecond)}) as init_usd",
        ];
    }

    /// <summary>
    /// SnapStart restores: how many, their Restore Duration percentiles, and what they cost: the per-GB charge of each
    /// restore and Billed Restore Duration at the on-demand rate (empty when the logs carry no billed figure).
    /// </summary>
    /// <param name="formats">The variant's log formats.</param>
    /// <param name="usdPerMillisecond">On-demand price of one millisecond of billed restore for this function.</param>
    /// <param name="usdPerRestore">Restore charge of one restore of this function.</param>
    public static string[] RestoreDuration(LogFormats formats, double usdPerMillisecond, double usdPerRestore)
    {
        string[] select = formats switch
        {
            LogFormats.Text => [$"filter {TextReport} and @message like \"Restore Duration\"", $"parse @message /{RestorePattern}/"],
            LogFormats.Json => [$"filter {JsonReport} and ispresent({JsonRestore})", $"fields {JsonRestore} as restore_ms, {JsonBilledRestore} as billed_restore_ms"],
            _ =>
            [
                $"filter ({TextReport} and @message like \"Restore Duration\") or ({JsonReport} and ispresent({JsonRestore}))",
                $"parse @message /{RestorePattern.Replace("(?<restore_ms>", "(?<text_restore_ms>").Replace("(?<billed_restore_ms>", "(?<text_billed_restore_ms>")}/",
                $"fields coalesce(text_restore_ms, {JsonRestore}) as restore_ms, coalesce(text_billed_restore_ms, {JsonBilledRestore}) as billed_restore_ms",
            ],
        };
        return
        [
            .. select,
            $"stats count(*) as restores, {Percentiles("restore_ms")}, count(*) * {PlainNumber.Format(usdPerRestore)} as restore_charge_usd, " +
            $"sum(billed_restore_ms * {PlainNumber.Format(usdPerMillisecond)}) as billed_restore_usd",
        ];
    }

    /// <summary>The slowest imports across every profiled cold start of one log group (import rows are plain text in both formats).</summary>
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
    /// Import rows next to the boundaries of invocations in their streams, in time order: START and END lines in the
    /// text format, <c>platform.start</c> and <c>platform.runtimeDone</c> records in the JSON format. Logs Insights cannot
    /// relate one row to another (no "after the first START of this stream"), so it cannot label a row as an invocation
    /// import; the reader (or <c>coldstart compare</c>, which walks each stream in order) does.
    /// </summary>
    public static string[] ImportsAroundInvocations(LogFormats formats)
    {
        const string jsonBoundary = "type = \"platform.start\" or type = \"platform.runtimeDone\"";
        string[] lines = formats switch
        {
            LogFormats.Text =>
            [
                "filter @message like \"import time:\" or @message like /^(START|END) RequestId/",
                $"parse @message /{ImportLinePattern}/",
                $"parse @message /{InvocationBoundaryPattern}/",
                "display @timestamp, @logStream, phase, request_id, module, cumulative_us",
            ],
            LogFormats.Json =>
            [
                $"filter @message like \"import time:\" or {jsonBoundary}",
                $"parse @message /{ImportLinePattern}/",
                "fields type as phase, record.requestId as request_id",
                "display @timestamp, @logStream, phase, request_id, module, cumulative_us",
            ],
            _ =>
            [
                $"filter @message like \"import time:\" or @message like /^(START|END) RequestId/ or {jsonBoundary}",
                $"parse @message /{ImportLinePattern}/",
                $"parse @message /{InvocationBoundaryPattern}/",
                "fields coalesce(phase, type) as boundary, coalesce(request_id, record.requestId) as request",
                "display @timestamp, @logStream, boundary, request, module, cumulative_us",
            ],
        };
        return [.. lines, "sort @timestamp asc", $"limit {BoundaryRows}"];
    }

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
    public static string[] ColdStartPercentilesByVariant(LogFormats formats)
    {
        var (select, init) = InitDurationField(formats);
        return [.. select, $"stats count(*) as cold_starts, {Percentiles(init)} by @log"];
    }

    /// <summary>
    /// Saved query: the share of invocations whose caller waited for a cold start (an INIT or a SnapStart restore, as
    /// <c>coldstart compare</c> counts them), hourly, per variant.
    /// </summary>
    public static string[] ColdStartRateOverTime(LogFormats formats) =>
    [
        $"filter {ReportFilter(formats)}",
        $"stats sum({Contains(formats, "\"Init Duration\"", "\"initDurationMs\"")} + {Contains(formats, "\"Restore Duration\"", "\"restoreDurationMs\"")}) / count(*) * 100 as cold_start_pct, " +
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

    private static string ReportFilter(LogFormats formats) => formats switch
    {
        LogFormats.Text => TextReport,
        LogFormats.Json => JsonReport,
        _ => $"{TextReport} or {JsonReport}",
    };

    /// <summary>1 when the event's text has the marker of its format, else 0.</summary>
    private static string Contains(LogFormats formats, string text, string json) => formats switch
    {
        LogFormats.Text => $"strcontains(@message, {text})",
        LogFormats.Json => $"strcontains(@message, {json})",
        _ => $"strcontains(@message, {text}) + strcontains(@message, {json})",
    };

    /// <summary>The lines that keep the reports with an Init Duration, and the field that holds it.</summary>
    private static (string[] Select, string Field) InitDurationField(LogFormats formats) => formats switch
    {
        LogFormats.Text => ([$"filter {TextReport} and ispresent(@initDuration)"], "@initDuration"),
        LogFormats.Json => ([$"filter {JsonReport} and ispresent({JsonInit})"], JsonInit),
        _ => (
        [
            $"filter {ReportFilter(formats)}",
            $"fields coalesce(@initDuration, {JsonInit}) as init_ms",
            "filter ispresent(init_ms)",
        ], "init_ms"),
    };

    private static string Percentiles(string field) =>
        $"pct({field}, 50) as p50_ms, pct({field}, 90) as p90_ms, pct({field}, 99) as p99_ms, max({field}) as max_ms";
}
