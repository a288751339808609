using System.Globalization;
using System.Text.Json;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>What a line holding one JSON object turned out to be.</summary>
internal enum JsonLineKind
{
    /// <summary>Not JSON (or not an object): the function's own output that happens to start with '{'.</summary>
    NotJson,

    /// <summary>Looks like a Lambda record but does not parse.</summary>
    Malformed,

    /// <summary>A <c>platform.*</c> record the model uses.</summary>
    Platform,

    /// <summary>A <c>platform.*</c> record the model has no use for (extensions, telemetry, runtimeDone without request id…).</summary>
    OtherPlatform,

    /// <summary>An object with a <c>message</c> (a CloudWatch event, or an application JSON log line).</summary>
    Event,

    /// <summary>An object with <c>@message</c>: a row of a CloudWatch Logs Insights result.</summary>
    InsightsRow,
}

/// <summary>
/// Reads one line of Lambda's JSON log format (<c>{"time":…,"type":"platform.start","record":{…}}</c>) or a
/// one-line CloudWatch event (<c>{"logStreamName":…,"timestamp":…,"message":…}</c>).
/// </summary>
internal static class JsonLogLine
{
    public static JsonLineKind Parse(ReadOnlySpan<byte> line, out PlatformEvent? platform, out string? message, out string? stream, out DateTimeOffset? time)
    {
        platform = null;
        message = stream = null;
        time = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line.ToArray());
        }
        catch (JsonException)
        {
            return line.IndexOf("\"platform."u8) >= 0 ? JsonLineKind.Malformed : JsonLineKind.NotJson;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return JsonLineKind.NotJson;
            }

            time = Time(root);
            if (String(root, "type") is { } type && type.StartsWith("platform.", StringComparison.Ordinal))
            {
                return ParsePlatform(type, root, time, out platform);
            }

            if (String(root, "@message") is not null)
            {
                return JsonLineKind.InsightsRow;
            }

            message = String(root, "message");
            if (message is null)
            {
                return JsonLineKind.NotJson;
            }

            stream = String(root, "logStreamName") ?? String(root, "@logStream");
            return JsonLineKind.Event;
        }
    }

    private static JsonLineKind ParsePlatform(string type, JsonElement root, DateTimeOffset? time, out PlatformEvent? platform)
    {
        platform = null;
        var record = root.TryGetProperty("record", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
        var requestId = record.ValueKind == JsonValueKind.Object ? String(record, "requestId") : null;
        switch (type)
        {
            case "platform.initStart":
                platform = new PlatformEvent(PlatformKind.InitStart, RuntimeVersion: String(record, "runtimeVersion"),
                    InitType: String(record, "initializationType") is { } initType ? InitTypes.Normalise(initType) : null, Time: time);
                return record.ValueKind == JsonValueKind.Object ? JsonLineKind.Platform : JsonLineKind.Malformed;
            case "platform.start":
                platform = requestId is null ? null : new PlatformEvent(PlatformKind.Start, requestId, Time: time);
                return platform is null ? JsonLineKind.Malformed : JsonLineKind.Platform;
            case "platform.runtimeDone" or "platform.end":
                platform = requestId is null ? null : new PlatformEvent(PlatformKind.End, requestId, Time: time);
                return platform is null ? JsonLineKind.OtherPlatform : JsonLineKind.Platform;
            case "platform.initReport":
                // {initializationType, phase, status, metrics: {durationMs}}: the duration is nested, as in platform.report;
                // a status other than success is a failed init, after which Lambda may init the same environment again
                platform = Metric(Metrics(record), "durationMs") is { } initMs
                    ? new PlatformEvent(PlatformKind.InitReport, InitDurationMs: initMs, Time: time,
                        InitFailed: String(record, "status") is "error" or "failure" or "timeout")
                    : null;
                return platform is null ? JsonLineKind.Malformed : JsonLineKind.Platform;
            case "platform.report":
                var metrics = Metrics(record);
                if (requestId is null || metrics.ValueKind != JsonValueKind.Object
                    || Metric(metrics, "durationMs") is not { } duration || Metric(metrics, "billedDurationMs") is not { } billed
                    || Metric(metrics, "memorySizeMB") is not { } memory || Metric(metrics, "maxMemoryUsedMB") is not { } maxMemory)
                {
                    return JsonLineKind.Malformed;
                }

                var report = new ReportMetrics(requestId, duration, billed, (int)memory, (int)maxMemory,
                    Metric(metrics, "initDurationMs"), Metric(metrics, "restoreDurationMs"), Metric(metrics, "billedRestoreDurationMs"));
                platform = new PlatformEvent(PlatformKind.Report, requestId, Report: report, Time: time);
                return JsonLineKind.Platform;
            default:
                return JsonLineKind.OtherPlatform;
        }
    }

    private static JsonElement Metrics(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty("metrics", out var metrics) && metrics.ValueKind == JsonValueKind.Object
            ? metrics
            : default;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static double? Metric(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;

    private static DateTimeOffset? Time(JsonElement root)
    {
        foreach (var name in (ReadOnlySpan<string>)["time", "timestamp", "@timestamp"])
        {
            if (!root.TryGetProperty(name, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var millis) && millis is > 0 and < 253402300800000)
            {
                return DateTimeOffset.FromUnixTimeMilliseconds(millis);
            }

            if (value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return parsed;
            }
        }

        return null;
    }
}
