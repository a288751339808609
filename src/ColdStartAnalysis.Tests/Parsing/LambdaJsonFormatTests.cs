using System.Text.Json;
using ColdStart.Analysis.Tests.Support;
using static ColdStart.Analysis.Tests.Support.LambdaLines;

namespace ColdStart.Analysis.Tests.Parsing;

/// <summary>Lambda's JSON log format: platform records as JSON objects, raw stderr (import rows) as plain lines.</summary>
public class LambdaJsonFormatTests
{
    private static string Record(string type, object record) =>
        JsonSerializer.Serialize(new { time = "2024-05-01T10:00:00.000Z", type, record });

    private static string[] Log(string initType) =>
    [
        Record("platform.initStart", new { initializationType = initType, phase = "init", runtimeVersion = "python:3.12.v38", runtimeVersionArn = "arn:aws:lambda:us-east-1::runtime:abc", functionName = "orders", functionVersion = "$LATEST" }),
        .. InitImports(),
        Record("platform.start", new { requestId = RequestA, version = "$LATEST" }),
        .. LazyImports(),
        """{"timestamp":"2024-05-01T10:00:00Z","level":"INFO","message":"processing order 1","logger":"root","requestId":"8f5c1d1e-0b1a-4c55-9a3e-2a7d0c3f9b11"}""",
        Record("platform.runtimeDone", new { requestId = RequestA, status = "success" }),
        Record("platform.report", new { requestId = RequestA, metrics = new { durationMs = 15.74, billedDurationMs = 16, memorySizeMB = 128, maxMemoryUsedMB = 56, initDurationMs = 130.49 }, status = "success" }),
        Record("platform.extension", new { name = "otel", state = "Ready" }),
    ];

    [Fact]
    public void Platform_records_give_runtime_version_init_type_phases_and_report()
    {
        var result = Parse.Lines(Log("provisioned-concurrency"));

        Assert.Equal(InputFormat.LambdaJson, Assert.Single(result.Sources).DetectedFormat);
        var coldStart = Assert.Single(result.ColdStarts);
        Assert.Equal("python:3.12.v38", coldStart.RuntimeVersion);
        Assert.Equal("provisioned-concurrency", coldStart.InitType);
        Assert.Equal([ImportPhase.Init, ImportPhase.Init, ImportPhase.Invoke], coldStart.Roots.Select(r => r.Phase));
        Assert.Equal(RequestA, coldStart.Roots[2].RequestId);
        Assert.Equal(new ReportMetrics(RequestA, 15.74, 16, 128, 56, 130.49, null, null), coldStart.FirstReport);
        Assert.Equal(DateTimeOffset.Parse("2024-05-01T10:00:00Z"), Assert.Single(result.Invocations).Timestamp);
        Assert.Equal(0, result.Skipped.Total);
        Assert.Equal(Log("x").Length, result.LinesRead);
    }

    [Fact]
    public void Import_rows_wrapped_in_json_objects_are_read_too()
    {
        // the facts file marks "stderr stays plain text" as unverified: a runtime that wraps it must work as well
        var wrapped = Log("on-demand").Select(line => line.StartsWith("import time:", StringComparison.Ordinal)
            ? JsonSerializer.Serialize(new { timestamp = "2024-05-01T10:00:00Z", level = "INFO", message = line })
            : line).ToArray();

        var coldStart = Assert.Single(Parse.Lines(wrapped).ColdStarts);

        Assert.Equal(["json", "app.handler", "sqlite3"], coldStart.Roots.Select(r => r.Name));
        Assert.Equal(ImportPhase.Invoke, coldStart.Roots[2].Phase);
    }

    [Fact]
    public void Broken_platform_record_is_malformed_json()
    {
        var result = Parse.Lines("""{"time":"2024-05-01T10:00:00Z","type":"platform.report","record":{"requestId":""", "{not json at all");

        Assert.Equal(1, result.Skipped[SkipReason.MalformedJson]);
        Assert.Equal(1, result.LinesIgnored);
    }

    [Fact]
    public void Report_record_without_metrics_is_unusable()
    {
        var result = Parse.Lines(Record("platform.report", new { requestId = RequestA }));

        Assert.Equal(1, result.Skipped[SkipReason.MalformedJson]);
        Assert.Empty(result.Invocations);
    }
}
