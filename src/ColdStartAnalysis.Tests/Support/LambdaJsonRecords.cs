using System.Text.Json;

namespace ColdStart.Analysis.Tests.Support;

/// <summary>
/// Platform records of Lambda's JSON log format, shaped as lambda-facts.md and AWS's Telemetry API schema describe
/// them (<c>{"time", "type", "record"}</c>; report and initReport durations nested under <c>record.metrics</c>).
/// </summary>
internal static class LambdaJsonRecords
{
    public static string InitStart(string initType, string runtimeVersion = "python:3.13.v14") => Record("platform.initStart", new
    {
        initializationType = initType,
        phase = "init",
        runtimeVersion,
        runtimeVersionArn = "arn:aws:lambda:us-east-1::runtime:0123456789abcdef",
        functionName = "orders",
        functionVersion = "3",
    });

    public static string InitReport(string initType, double durationMs, string status = "success") => Record("platform.initReport", new
    {
        initializationType = initType,
        phase = "init",
        status,
        metrics = new { durationMs },
    });

    public static string Start(string requestId) => Record("platform.start", new { requestId, version = "3" });

    public static string RuntimeDone(string requestId, double durationMs) => Record("platform.runtimeDone", new
    {
        requestId,
        status = "success",
        metrics = new { durationMs, producedBytes = 8 },
    });

    public static string Report(string requestId, double durationMs, double? initDurationMs = null, double? restoreDurationMs = null, double? billedRestoreDurationMs = null, int memorySizeMB = 128)
    {
        var metrics = new Dictionary<string, object>
        {
            ["durationMs"] = durationMs,
            ["billedDurationMs"] = Math.Ceiling(durationMs + (initDurationMs ?? 0)),
            ["memorySizeMB"] = memorySizeMB,
            ["maxMemoryUsedMB"] = 56,
        };
        if (initDurationMs is { } init)
        {
            metrics["initDurationMs"] = init;
        }

        if (restoreDurationMs is { } restore)
        {
            metrics["restoreDurationMs"] = restore;
        }

        if (billedRestoreDurationMs is { } billed)
        {
            metrics["billedRestoreDurationMs"] = billed;
        }

        return Record("platform.report", new { requestId, metrics, status = "success" });
    }

    private static string Record(string type, object record) =>
        JsonSerializer.Serialize(new { time = "2026-11-20T09:00:00.000Z", type, record });
}
