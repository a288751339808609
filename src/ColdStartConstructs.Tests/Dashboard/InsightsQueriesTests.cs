using System.Globalization;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using ColdStart.Constructs.Dashboard.Internal;
using ColdStart.Constructs.Tests.Support;
using ColdStart.Constructs.Tests.Wrapper;
using Xunit;
using Xunit.Abstractions;

namespace ColdStart.Constructs.Tests.Dashboard;

/// <summary>
/// The Logs Insights queries, run against what they read on Lambda: the parse patterns against CPython's real
/// <c>-X importtime</c> rows and the wrapper's real profile-start line (Logs Insights and .NET share the
/// <c>(?&lt;name&gt;…)</c> group syntax and every construct these patterns use), and every whole query, in each form,
/// against a function's log events in Lambda's text format and in its JSON format (<see cref="LogsInsights"/>).
/// </summary>
[UnsupportedOSPlatform("windows")]
public class InsightsQueriesTests(ITestOutputHelper output)
{
    private static readonly Regex ImportLine = new(InsightsQueries.ImportLinePattern);

    [Theory]
    [MemberData(nameof(LocalPython.VersionData), MemberType = typeof(LocalPython))]
    public void The_import_pattern_reads_every_row_of_a_real_importtime_profile(string version)
    {
        if (LocalPython.Find(version) is not { } python)
        {
            output.WriteLine($"python{version} is not installed (pyenv or PATH): skipped");
            return;
        }

        var result = ProcessRun.Start(python, ["-X", "importtime", "-c", "import json, email.message, xml.etree.ElementTree"]);

        Assert.Equal(0, result.ExitCode);
        var lines = result.StderrLines.Where(l => l.StartsWith("import time:", StringComparison.Ordinal)).ToArray();
        Assert.Equal("import time: self [us] | cumulative | imported package", lines[0]);
        Assert.DoesNotMatch(ImportLine, lines[0]);
        var rows = lines.Skip(1).ToArray();
        Assert.True(rows.Length > 20, $"python{version} printed only {rows.Length} import rows");
        foreach (var row in rows)
        {
            var match = ImportLine.Match(row);
            Assert.True(match.Success, $"python{version}: the pattern missed {row}");
            var columns = row["import time:".Length..].Split('|');
            Assert.Equal(long.Parse(columns[0].Trim()), long.Parse(match.Groups["self_us"].Value));
            Assert.Equal(long.Parse(columns[1].Trim()), long.Parse(match.Groups["cumulative_us"].Value));
            Assert.Equal(columns[2].Trim(), match.Groups["module"].Value);
        }
        Assert.Contains(rows, r => ImportLine.Match(r).Groups["module"].Value == "email.message");
        Assert.Contains(rows, r => ImportLine.Match(r).Groups["module"].Value == "xml.etree.ElementTree");
    }

    [Fact]
    public void Python_3_14_cached_rows_are_not_read_as_imports()
    {
        // -X importtime=2 (3.14) prints modules that were already loaded like this; they cost nothing.
        Assert.DoesNotMatch(ImportLine, "import time:       cached |     cached |     encodings");
    }

    [Fact]
    public void The_profile_start_pattern_reads_the_init_type_from_the_real_wrapper_line()
    {
        if (LocalPython.Installed().FirstOrDefault() is not { } version)
        {
            Assert.Fail("no local CPython to run the wrapper with");
            return;
        }
        using var sandbox = new WrapperSandbox(["importtime"]);

        var result = sandbox.Run(Launcher.Direct, LocalPython.Find(version)!, sandbox.ShapeArguments(ArgvShape.Script),
            new Dictionary<string, string?> { ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "provisioned-concurrency" });

        var match = new Regex(InsightsQueries.ProfileStartPattern).Match(result.StderrLines[0]);
        Assert.True(match.Success, $"the pattern missed {result.StderrLines[0]}");
        Assert.Equal("provisioned-concurrency", match.Groups["init_type"].Value);
    }

    [Fact]
    public void The_boundary_pattern_reads_start_and_end_lines_only()
    {
        var boundary = new Regex(InsightsQueries.InvocationBoundaryPattern);

        var start = boundary.Match("START RequestId: 8f507cfc-2f2a-4bc6-8a3b-1f6a0f9c2c11 Version: 3");
        var end = boundary.Match("END RequestId: 8f507cfc-2f2a-4bc6-8a3b-1f6a0f9c2c11");

        Assert.Equal(("START", "8f507cfc-2f2a-4bc6-8a3b-1f6a0f9c2c11"), (start.Groups["phase"].Value, start.Groups["request_id"].Value));
        Assert.Equal(("END", "8f507cfc-2f2a-4bc6-8a3b-1f6a0f9c2c11"), (end.Groups["phase"].Value, end.Groups["request_id"].Value));
        Assert.DoesNotMatch(boundary, "REPORT RequestId: 8f507cfc-2f2a-4bc6-8a3b-1f6a0f9c2c11\tDuration: 15.74 ms");
    }

    private const double UsdPerMs = 0.00000000833335;   // 512 MB x86_64: 0.5 x 0.0000166667 / 1000
    private const double UsdPerRestore = 0.0000698999;   // 0.5 GB x 0.0001397998
    private const string Group = "/aws/lambda/orders-lazy";

    /// <summary>Each form of a query with the log events it must read (test cases name the internal <see cref="LogFormats"/>).</summary>
    public static TheoryData<string, string> FormsThatRead => new()
    {
        { nameof(LogFormats.Text), nameof(LogFormats.Text) },
        { nameof(LogFormats.Json), nameof(LogFormats.Json) },
        { nameof(LogFormats.Both), nameof(LogFormats.Text) },
        { nameof(LogFormats.Both), nameof(LogFormats.Json) },
    };

    private static LogFormats Format(string name) => Enum.Parse<LogFormats>(name);

    private static IReadOnlyList<LogsInsights.LogEvent> Events(LogFormats format, string group = Group) =>
        format == LogFormats.Json ? FunctionLogs.Json(group) : FunctionLogs.Text(group);

    private static Dictionary<string, object?> Single(string[] query, IReadOnlyList<LogsInsights.LogEvent> events) =>
        Assert.Single(LogsInsights.Run(InsightsQueries.Text(query), events));

    private static double Number(object? value) => LogsInsights.Number(value) ?? throw new InvalidOperationException($"not a number: {value ?? "null"}");

    [Theory]
    [MemberData(nameof(FormsThatRead))]
    public void Cold_starts_count_inits_and_restores_among_all_reports(string queryForm, string logFormat)
    {
        var (query, logs) = (Format(queryForm), Format(logFormat));
        var bin = Single(InsightsQueries.ColdStarts(query), Events(logs));

        Assert.Equal((1.0, 1.0, 3.0), (Number(bin["cold_starts"]), Number(bin["snapstart_restores"]), Number(bin["invocations"])));
    }

    [Theory]
    [MemberData(nameof(FormsThatRead))]
    public void Init_duration_reads_the_init_and_prices_it(string queryForm, string logFormat)
    {
        var (query, logs) = (Format(queryForm), Format(logFormat));
        var row = Single(InsightsQueries.InitDuration(query, UsdPerMs), Events(logs));

        Assert.Equal(1.0, Number(row["cold_starts"]));
        Assert.Equal(FunctionLogs.InitDurationMs, Number(row["p50_ms"]));
        Assert.Equal(FunctionLogs.InitDurationMs, Number(row["max_ms"]));
        Assert.Equal(FunctionLogs.InitDurationMs * UsdPerMs, Number(row["init_usd"]), 15);
    }

    [Theory]
    [MemberData(nameof(FormsThatRead))]
    public void Restore_duration_reads_the_restore_and_prices_it(string queryForm, string logFormat)
    {
        var (query, logs) = (Format(queryForm), Format(logFormat));
        var row = Single(InsightsQueries.RestoreDuration(query, UsdPerMs, UsdPerRestore), Events(logs));

        Assert.Equal(1.0, Number(row["restores"]));
        Assert.Equal(FunctionLogs.RestoreDurationMs, Number(row["p50_ms"]));
        Assert.Equal(UsdPerRestore, Number(row["restore_charge_usd"]), 15);
        Assert.Equal(FunctionLogs.BilledRestoreDurationMs * UsdPerMs, Number(row["billed_restore_usd"]), 15);
    }

    [Theory]
    [MemberData(nameof(FormsThatRead))]
    public void Imports_around_invocations_interleave_import_rows_with_the_invocation_boundaries(string queryForm, string logFormat)
    {
        var (query, logs) = (Format(queryForm), Format(logFormat));
        var (init, lazy) = FunctionLogs.ImportRows();

        var rows = LogsInsights.Run(InsightsQueries.Text(InsightsQueries.ImportsAroundInvocations(query)), Events(logs));

        var (phase, request) = query == LogFormats.Both ? ("boundary", "request") : ("phase", "request_id");
        var boundaries = rows.Where(r => r[phase] is not null).Select(r => ((string)r[phase]!, (string)r[request]!)).ToArray();
        var (start, end) = logs == LogFormats.Json ? ("platform.start", "platform.runtimeDone") : ("START", "END");
        Assert.Equal(
            [(start, FunctionLogs.RequestA), (end, FunctionLogs.RequestA), (start, FunctionLogs.RequestB), (end, FunctionLogs.RequestB), (start, FunctionLogs.RequestC), (end, FunctionLogs.RequestC)],
            boundaries);
        // The header does not parse; every row does, and the lazy rows sit between the first START and END.
        var imports = rows.Where(r => r["module"] is not null).ToArray();
        Assert.Equal(init.Length - 1 + lazy.Length, imports.Length);
        var firstStart = rows.FindIndex(r => r[phase] as string == start);
        var firstEnd = rows.FindIndex(r => r[phase] as string == end);
        Assert.Equal(lazy.Length, rows.Skip(firstStart).Take(firstEnd - firstStart).Count(r => r["module"] is not null));
        Assert.All(rows, r => Assert.Equal(["@timestamp", "@logStream", phase, request, "module", "cumulative_us"], r.Keys));
    }

    [Theory]
    [InlineData(nameof(LogFormats.Text))]
    [InlineData(nameof(LogFormats.Json))]
    public void Slowest_imports_read_the_plain_text_rows_in_either_format(string logFormat)
    {
        var logs = Format(logFormat);
        var (init, lazy) = FunctionLogs.ImportRows();
        var expected = init.Skip(1).Concat(lazy)
            .Select(row => row["import time:".Length..].Split('|'))
            .GroupBy(c => c[2].Trim(), c => long.Parse(c[1].Trim(), CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => (Max: (double)g.Max(), Count: (double)g.Count()));

        var rows = LogsInsights.Run(InsightsQueries.Text(InsightsQueries.SlowestImports()), Events(logs));

        Assert.Equal(Math.Min(expected.Count, InsightsQueries.ImportRows), rows.Count);
        Assert.All(rows, r => Assert.Equal(expected[(string)r["module"]!], (Number(r["max_cumulative_us"]), Number(r["imports"]))));
        Assert.Equal(rows.Select(r => Number(r["avg_cumulative_us"])).OrderDescending(), rows.Select(r => Number(r["avg_cumulative_us"])));
    }

    [Theory]
    [InlineData(nameof(LogFormats.Text), nameof(LogFormats.Json))]
    [InlineData(nameof(LogFormats.Json), nameof(LogFormats.Text))]
    public void A_query_for_one_format_finds_nothing_in_the_other(string queryForm, string logFormat)
    {
        var (query, logs) = (Format(queryForm), Format(logFormat));
        // Why the dashboard must know the format: the other format's queries come back empty, without an error.
        var events = Events(logs);

        Assert.Empty(LogsInsights.Run(InsightsQueries.Text(InsightsQueries.ColdStarts(query)), events));
        Assert.Empty(LogsInsights.Run(InsightsQueries.Text(InsightsQueries.InitDuration(query, UsdPerMs)), events));
        Assert.Empty(LogsInsights.Run(InsightsQueries.Text(InsightsQueries.RestoreDuration(query, UsdPerMs, UsdPerRestore)), events));
    }

    [Fact]
    public void Saved_queries_read_both_formats_put_a_text_and_a_json_variant_side_by_side()
    {
        var events = FunctionLogs.Text("/aws/lambda/orders-text").Concat(FunctionLogs.Json("/aws/lambda/orders-json")).ToArray();
        string[] logs = [$"{LogsInsights.Account}:/aws/lambda/orders-text", $"{LogsInsights.Account}:/aws/lambda/orders-json"];

        var percentiles = LogsInsights.Run(InsightsQueries.Text(InsightsQueries.ColdStartPercentilesByVariant(LogFormats.Both)), events);
        var rate = LogsInsights.Run(InsightsQueries.Text(InsightsQueries.ColdStartRateOverTime(LogFormats.Both)), events);
        var inits = LogsInsights.Run(InsightsQueries.Text(InsightsQueries.ProfiledInitsByType()), events);
        var imports = LogsInsights.Run(InsightsQueries.Text(InsightsQueries.TopImportsByCumulativeTime()), events);

        Assert.Equal(logs, percentiles.Select(r => (string)r["@log"]!));
        Assert.All(percentiles, r => Assert.Equal((1.0, FunctionLogs.InitDurationMs), (Number(r["cold_starts"]), Number(r["p99_ms"]))));
        // 2 of 3 callers waited: one INIT, one restore.
        Assert.Equal(logs, rate.Select(r => (string)r["@log"]!));
        Assert.All(rate, r => Assert.Equal(200.0 / 3, Number(r["cold_start_pct"]), 9));
        Assert.Equal(logs.Select(l => (l, "on-demand", 1.0)), inits.Select(r => ((string)r["@log"]!, (string)r["init_type"]!, Number(r["profiled_inits"]))));
        // The same rows in both groups: each module shows the same figures for both variants.
        Assert.Equal(logs.Order(), imports.Select(r => (string)r["@log"]!).Distinct().Order());
        Assert.All(imports.GroupBy(r => (string)r["module"]!).Where(g => g.Count() == 2),
            g => Assert.Equal(Number(g.First()["avg_cumulative_us"]), Number(g.Last()["avg_cumulative_us"])));
    }

    [Theory]
    [InlineData(nameof(LogFormats.Text))]
    [InlineData(nameof(LogFormats.Json))]
    public void Saved_queries_for_one_format_read_it(string logFormat)
    {
        var format = Format(logFormat);
        var events = Events(format);

        var percentiles = Single(InsightsQueries.ColdStartPercentilesByVariant(format), events);
        var rate = Single(InsightsQueries.ColdStartRateOverTime(format), events);

        Assert.Equal((1.0, FunctionLogs.InitDurationMs), (Number(percentiles["cold_starts"]), Number(percentiles["p50_ms"])));
        Assert.Equal(200.0 / 3, Number(rate["cold_start_pct"]), 9);
        Assert.Equal(3.0, Number(rate["invocations"]));
    }

    [Fact]
    public void The_restore_pattern_reads_a_snapstart_report_line()
    {
        var match = new Regex(InsightsQueries.RestorePattern).Match(
            "REPORT RequestId: 0c9a8b7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d\tDuration: 20.62 ms\tBilled Duration: 21 ms\tMemory Size: 512 MB\tMax Memory Used: 60 MB\tRestore Duration: 575.70 ms\tBilled Restore Duration: 198 ms");

        Assert.Equal(("575.70", "198"), (match.Groups["restore_ms"].Value, match.Groups["billed_restore_ms"].Value));
    }

    [Theory]
    [InlineData(0.0000166667, "0.0000166667")]
    [InlineData(0.00000000666668, "0.00000000666668")]
    [InlineData(2, "2")]
    [InlineData(0, "0")]
    public void Numbers_in_queries_and_metric_math_never_use_exponent_notation(double value, string expected)
    {
        Assert.Equal(expected, PlainNumber.Format(value));
    }
}
