using System.Text.Json;
using Xunit;

namespace ColdStart.Analysis.Tests.Cli;

/// <summary>
/// The runtime settings the tool's start-up was measured with (docs/cli.md, Start-up) are in the runtimeconfig.json the
/// CLI project builds — the file every tool package carries — so dropping one from the csproj fails here, not silently
/// in the next benchmark.
/// </summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("System.Runtime.TieredPGO", false)]
    [InlineData("System.Globalization.Invariant", true)]
    [InlineData("System.GC.Concurrent", true)]
    public void The_tool_runs_with_the_measured_runtime_settings(string name, bool expected)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "coldstart.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.TryGetProperty(name, out var value), $"{path} does not set {name}");
        Assert.Equal(expected, value.GetBoolean());
    }

    [Theory]
    [InlineData("System.Runtime.TieredCompilation.CallCountingDelayMs", "10")] // hot methods optimised after a short delay
    [InlineData("System.GC.LOHThreshold", "2097152")] // arrays up to 2 MB stay in the compacted heap
    public void The_tool_runs_with_the_measured_runtime_numbers(string name, string expected)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "coldstart.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.TryGetProperty(name, out var value), $"{path} does not set {name}");
        Assert.Equal(expected, value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
    }
}
