using System.Text.Json;
using ColdStart.Analysis.Tests.Support;
using static ColdStart.Analysis.Tests.Support.LambdaLines;
using Json = ColdStart.Analysis.Tests.Support.LambdaJsonRecords;

namespace ColdStart.Analysis.Tests.Parsing;

/// <summary>
/// Every platform record of Lambda's JSON log format that the model reads, in the shapes of lambda-facts.md (and AWS's
/// Telemetry API schema, which the JSON log format carries): what each one gives, and what a wrong shape gives.
/// </summary>
public class LambdaJsonPlatformRecordTests
{
    private const string Stream = "2026/11/20/[3]0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    /// <summary>A provisioned-concurrency environment: initialised ahead of traffic, so its REPORT has no Init Duration.</summary>
    private static string[] Provisioned() =>
    [
        Json.InitStart("provisioned-concurrency"),
        Wrapper("provisioned-concurrency"),
        .. InitImports(),
        Json.InitReport("provisioned-concurrency", 412.5),
        Json.Start(RequestA),
        Json.RuntimeDone(RequestA, 8.2),
        Json.Report(RequestA, 8.2),
    ];

    [Fact]
    public void Init_report_carries_its_duration_under_record_metrics()
    {
        var result = Parse.Lines(Provisioned());

        var coldStart = Assert.Single(result.ColdStarts);
        Assert.Equal(412.5, coldStart.InitDurationMs);
        Assert.Equal(InitTypes.ProvisionedConcurrency, coldStart.InitType);
        Assert.Equal("python:3.13.v14", coldStart.RuntimeVersion);
        Assert.Null(coldStart.FirstReport!.InitDurationMs);
        Assert.Equal(0, result.Skipped.Total);
        Parse.AssertAccounted(result);
    }

    [Fact]
    public void An_init_report_with_its_duration_directly_under_record_is_malformed()
    {
        // No AWS source shows this flat shape; it is refused rather than guessed at.
        var flat = JsonSerializer.Serialize(new
        {
            time = "2026-11-20T09:00:00.000Z",
            type = "platform.initReport",
            record = new { initializationType = "provisioned-concurrency", phase = "init", status = "success", durationMs = 412.5 },
        });
        string[] lines = [Json.InitStart("provisioned-concurrency"), .. InitImports(), flat, Json.Start(RequestA), Json.Report(RequestA, 8.2)];

        var result = Parse.Lines(lines);

        Assert.Equal(1, result.Skipped[SkipReason.MalformedJson]);
        Assert.Null(Assert.Single(result.ColdStarts).InitDurationMs);
    }

    [Fact]
    public void Report_gives_every_metric_and_a_snapstart_restore()
    {
        var result = Parse.Lines(
            Json.Start(RequestA), Json.Report(RequestA, 20.62, restoreDurationMs: 575.7, billedRestoreDurationMs: 198, memorySizeMB: 512),
            Json.Start(RequestB), Json.Report(RequestB, 15.74, initDurationMs: 130.49));

        Assert.Equal(
            [
                new ReportMetrics(RequestA, 20.62, 21, 512, 56, null, 575.7, 198),
                new ReportMetrics(RequestB, 15.74, 147, 128, 56, 130.49, null, null),
            ],
            result.Invocations.Select(i => i.Metrics));
        Assert.All(result.Invocations, i => Assert.True(i.IsColdStart));
    }

    [Fact]
    public void Start_and_runtime_done_bound_the_invocation_that_imports_lazily()
    {
        string[] lines = [Json.InitStart("on-demand"), .. InitImports(), Json.Start(RequestA), .. LazyImports(), Json.RuntimeDone(RequestA, 15.74), Json.Report(RequestA, 15.74, initDurationMs: 130.49)];

        var coldStart = Assert.Single(Parse.Lines(lines).ColdStarts);

        Assert.Equal([ImportPhase.Init, ImportPhase.Init, ImportPhase.Invoke], coldStart.Roots.Select(r => r.Phase));
        Assert.Equal(RequestA, coldStart.Roots[2].RequestId);
        Assert.Equal(130.49, coldStart.InitDurationMs);
        Assert.Equal(InitTypes.OnDemand, coldStart.InitType);
    }

    [Fact]
    public void Filter_log_events_export_of_a_json_logging_function_is_read_record_by_record()
    {
        // What `aws logs filter-log-events --output json` returns for a function with LoggingFormat JSON: each platform
        // record is a JSON object inside the event's message; the wrapper line and import rows stay plain text.
        var events = Provisioned().Select((message, i) => new
        {
            logStreamName = Stream,
            timestamp = 1795165200000L + i,
            message = message + "\n",
            ingestionTime = 1795165201000L + i,
            eventId = $"3786{i:D10}",
        });
        var export = JsonSerializer.Serialize(new { events, searchedLogStreams = new[] { new { logStreamName = Stream, searchedCompletely = true } } });

        var result = Parse.Text(export, name: "prewarmed.json");

        Assert.Equal(InputFormat.CloudWatchJson, Assert.Single(result.Sources).DetectedFormat);
        var coldStart = Assert.Single(result.ColdStarts);
        Assert.Equal(Stream, coldStart.Stream);
        Assert.Equal(InitTypes.ProvisionedConcurrency, coldStart.InitType);
        Assert.Equal(412.5, coldStart.InitDurationMs);
        Assert.Equal(["json", "app.handler"], coldStart.Roots.Select(r => r.Name));
        Assert.Equal(8.2, Assert.Single(result.Invocations).Metrics.DurationMs);
        Assert.Equal(0, result.Skipped.Total);
    }
}
