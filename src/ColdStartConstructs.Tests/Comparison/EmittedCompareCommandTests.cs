using System.Runtime.Versioning;
using System.Text.Json;
using Amazon.CDK.AWS.Lambda;
using ColdStart.Cli;
using ColdStart.Constructs.Tests.Dashboard;
using Xunit;

namespace ColdStart.Constructs.Tests.Comparison;

/// <summary>
/// The <c>coldstart compare</c> command a comparison emits, run as written through the real CLI over each variant's
/// <c>filter-log-events</c> export (the ExportLogsCommand output), in Lambda's text and JSON log formats.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class EmittedCompareCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("coldstart-compare-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Writes <c>NAME.json</c> as <c>aws logs filter-log-events --output json</c> does.</summary>
    private void Export(string name, IReadOnlyList<LogsInsights.LogEvent> events) =>
        File.WriteAllText(Path.Combine(_directory, $"{name}.json"), JsonSerializer.Serialize(new
        {
            events = events.Select((e, i) => new
            {
                logStreamName = e.Stream,
                timestamp = e.Time.ToUnixTimeMilliseconds(),
                message = e.Message,
                ingestionTime = e.Time.ToUnixTimeMilliseconds() + 500,
                eventId = $"3786{i:D10}",
            }),
            searchedLogStreams = events.Select(e => e.Stream).Distinct().Select(s => new { logStreamName = s, searchedCompletely = true }),
        }));

    private (int ExitCode, JsonElement Output, string Error) Run(string commandLine)
    {
        var words = commandLine.Split(' ');
        Assert.Equal(["coldstart", "compare"], words[..2]);
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole { Out = output, Error = error, OpenStdin = () => Stream.Null };
        var cwd = Directory.GetCurrentDirectory();
        int exitCode;
        try
        {
            // The command names the exports relative to where they were written, as the run book does.
            Directory.SetCurrentDirectory(_directory);
            exitCode = ColdStartApp.Run([.. words[1..], "--format", "json"], console);
        }
        finally
        {
            Directory.SetCurrentDirectory(cwd);
        }

        return (exitCode, exitCode == 0 ? JsonDocument.Parse(output.ToString()).RootElement : default, error.ToString());
    }

    [Theory]
    [InlineData("JSON", "JSON", "JSON")]
    [InlineData("Text", "Text", "Text")]
    [InlineData("Text", "JSON", "Text")]
    public void The_cli_runs_the_emitted_command_over_exports_of_either_log_format(string lazy, string prewarmed, string snapstart)
    {
        var formats = new[] { lazy, prewarmed, snapstart }.Select(f => f == "JSON" ? LoggingFormat.JSON : LoggingFormat.TEXT).ToArray();
        var (_, comparison) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants(p =>
        {
            for (var i = 0; i < p.Variants.Length; i++)
            {
                p.Variants[i].LoggingFormat = formats[i];
            }
        }));
        foreach (var (variant, format) in comparison.Variants.Zip(formats))
        {
            Export(variant.Name, format == LoggingFormat.JSON ? FunctionLogs.Json(variant.LogGroup.Node.Path) : FunctionLogs.Text(variant.LogGroup.Node.Path));
        }

        var (exitCode, output, error) = Run(comparison.CompareCommand);

        Assert.True(exitCode == 0, error);
        var strategies = output.GetProperty("strategies").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(["lazy", "prewarmed", "snapstart"], strategies.Keys);
        Assert.Equal(["on-demand", "provisioned-concurrency", "snapstart"], strategies.Values.Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal("arm64", output.GetProperty("pricing").GetProperty("architecture").GetString());
        Assert.Equal(1, strategies["prewarmed"].GetProperty("monthlyCostUsd").GetProperty("provisionedConcurrency").GetInt32());
        Assert.All(strategies.Values, s =>
        {
            // The same events in either format: 3 invocations, an INIT of 130.49 ms and one restore.
            Assert.Equal(3, s.GetProperty("invocations").GetInt32());
            Assert.Equal(FunctionLogs.InitDurationMs, s.GetProperty("initDurationMs").GetProperty("p50").GetDouble());
            Assert.Equal(1, s.GetProperty("restores").GetInt32());
            Assert.Equal(1, s.GetProperty("profiles").GetInt32());
            Assert.Equal(512, s.GetProperty("workload").GetProperty("memoryMb").GetInt32());
        });
        Assert.Equal(FunctionLogs.RestoreDurationMs, strategies["snapstart"].GetProperty("restoreDurationMs").GetProperty("p50").GetDouble());
        Assert.True(strategies["snapstart"].GetProperty("monthlyCostUsd").GetProperty("restoreDurationCost").GetDouble() > 0);
    }
}
