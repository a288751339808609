using System.Runtime.Versioning;
using System.Text.Json;
using ColdStart.Constructs.Tests.Support;
using static ColdStart.Constructs.Tests.Dashboard.LogsInsights;

namespace ColdStart.Constructs.Tests.Dashboard;

/// <summary>
/// One log group's events, in Lambda's text format or its JSON format (shapes from lambda-facts.md and AWS's Telemetry
/// API schema), around real CPython import rows: environment A cold-starts on demand (Init Duration 130.49 ms) with
/// imports at init and a lazy import in its first invocation, then serves a warm call; environment S restores from a
/// SnapStart snapshot (Restore Duration 575.70 ms, billed 198 ms). Import rows and the wrapper's line are plain text in
/// both formats.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class FunctionLogs
{
    public const string RequestA = "8f507cfc-2f2a-4bc6-8a3b-1f6a0f9c2c11";
    public const string RequestB = "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9";
    public const string RequestC = "0c9a8b7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d";
    public const string StreamA = "2026/11/20/[3]0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    public const string StreamS = "2026/11/20/[3]a0b1c2d3e4f5061728394a5b6c7d8e9f";
    public const double InitDurationMs = 130.49;
    public const double RestoreDurationMs = 575.70;
    public const double BilledRestoreDurationMs = 198;

    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static (string[] Init, string[] Lazy)? _rows;

    /// <summary>Rows printed by a real CPython: module-level imports, and the rows of sqlite3, imported lazily.</summary>
    public static (string[] Init, string[] Lazy) ImportRows()
    {
        return _rows ??= Capture();

        static (string[] Init, string[] Lazy) Capture()
        {
            var python = LocalPython.Installed().Select(LocalPython.Find).FirstOrDefault(p => p is not null)
                ?? throw new InvalidOperationException("no local CPython (pyenv or PATH) to print real import rows");
            string[] Rows(string code) =>
                [.. ProcessRun.Start(python, ["-X", "importtime", "-c", code]).StderrLines.Where(l => l.StartsWith("import time:", StringComparison.Ordinal))];
            var init = Rows("import json, email.message");
            var lazy = Rows("import sqlite3").Where(l => l.Contains("sqlite3", StringComparison.Ordinal)).ToArray();
            return (init, lazy);
        }
    }

    public static IReadOnlyList<LogEvent> Text(string logGroup)
    {
        var (init, lazy) = ImportRows();
        var log = new Builder(logGroup);
        log.Add(StreamA, "INIT_START Runtime Version: python:3.13.v14\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:0123456789abcdef");
        log.Add(StreamA, Wrapper);
        log.Add(StreamA, init);
        log.Add(StreamA, $"START RequestId: {RequestA} Version: 3");
        log.Add(StreamA, lazy);
        log.Add(StreamA, $"END RequestId: {RequestA}");
        log.Add(StreamA, $"REPORT RequestId: {RequestA}\tDuration: 15.74 ms\tBilled Duration: 147 ms\tMemory Size: 512 MB\tMax Memory Used: 56 MB\tInit Duration: 130.49 ms");
        log.Add(StreamA, $"START RequestId: {RequestB} Version: 3");
        log.Add(StreamA, $"END RequestId: {RequestB}");
        log.Add(StreamA, $"REPORT RequestId: {RequestB}\tDuration: 2.50 ms\tBilled Duration: 3 ms\tMemory Size: 512 MB\tMax Memory Used: 56 MB");
        log.Add(StreamS, $"START RequestId: {RequestC} Version: 3");
        log.Add(StreamS, $"END RequestId: {RequestC}");
        log.Add(StreamS, $"REPORT RequestId: {RequestC}\tDuration: 20.62 ms\tBilled Duration: 21 ms\tMemory Size: 512 MB\tMax Memory Used: 60 MB\tRestore Duration: 575.70 ms\tBilled Restore Duration: 198 ms");
        return log.Events;
    }

    public static IReadOnlyList<LogEvent> Json(string logGroup)
    {
        var (init, lazy) = ImportRows();
        var log = new Builder(logGroup);
        log.Add(StreamA, Record("platform.initStart", new { initializationType = "on-demand", phase = "init", runtimeVersion = "python:3.13.v14", runtimeVersionArn = "arn:aws:lambda:us-east-1::runtime:0123456789abcdef", functionName = "orders", functionVersion = "3" }));
        log.Add(StreamA, Wrapper);
        log.Add(StreamA, init);
        log.Add(StreamA, Record("platform.start", new { requestId = RequestA, version = "3" }));
        log.Add(StreamA, lazy);
        log.Add(StreamA, Record("platform.runtimeDone", new { requestId = RequestA, status = "success", metrics = new { durationMs = 15.74, producedBytes = 8 } }));
        log.Add(StreamA, Record("platform.report", new { requestId = RequestA, metrics = new { durationMs = 15.74, billedDurationMs = 147, memorySizeMB = 512, maxMemoryUsedMB = 56, initDurationMs = InitDurationMs }, status = "success" }));
        log.Add(StreamA, Record("platform.start", new { requestId = RequestB, version = "3" }));
        log.Add(StreamA, Record("platform.runtimeDone", new { requestId = RequestB, status = "success", metrics = new { durationMs = 2.5, producedBytes = 8 } }));
        log.Add(StreamA, Record("platform.report", new { requestId = RequestB, metrics = new { durationMs = 2.5, billedDurationMs = 3, memorySizeMB = 512, maxMemoryUsedMB = 56 }, status = "success" }));
        log.Add(StreamS, Record("platform.start", new { requestId = RequestC, version = "3" }));
        log.Add(StreamS, Record("platform.runtimeDone", new { requestId = RequestC, status = "success", metrics = new { durationMs = 20.62, producedBytes = 8 } }));
        log.Add(StreamS, Record("platform.report", new { requestId = RequestC, metrics = new { durationMs = 20.62, billedDurationMs = 21, memorySizeMB = 512, maxMemoryUsedMB = 60, restoreDurationMs = RestoreDurationMs, billedRestoreDurationMs = BilledRestoreDurationMs }, status = "success" }));
        return log.Events;
    }

    private const string Wrapper = "coldstart: importtime profile start; interpreter=/var/lang/bin/python3.13; init_type=on-demand; options=-X importtime; chain=none";

    private static string Record(string type, object record) =>
        JsonSerializer.Serialize(new { time = "2026-11-20T09:00:00.000Z", type, record });

    private sealed class Builder(string logGroup)
    {
        public List<LogEvent> Events { get; } = [];

        public void Add(string stream, params string[] messages)
        {
            foreach (var message in messages)
            {
                // Plain-text events end with the newline the process wrote; JSON records are one object.
                Events.Add(new LogEvent(logGroup, stream, Start.AddMilliseconds(Events.Count), message.StartsWith('{') ? message : message + "\n"));
            }
        }
    }
}
