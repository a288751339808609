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

    [Fact]
    public void Hot_methods_are_optimised_after_a_short_delay()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "coldstart.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.TryGetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs", out var value), $"{path} does not set the call-counting delay");
        Assert.Equal("10", value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
    }

    [Fact]
    public void Arrays_up_to_2_MB_stay_in_the_compacted_heap()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "coldstart.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.TryGetProperty("System.GC.LOHThreshold", out var value), $"{path} does not set the large-object threshold");
        Assert.Equal("2097152", value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
    }
}
