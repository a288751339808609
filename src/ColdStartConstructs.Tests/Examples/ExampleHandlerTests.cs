using System.Text.Json;
using ColdStart.Constructs.Tests.Support;
using ColdStart.Examples;
using Xunit;

namespace ColdStart.Constructs.Tests.Examples;

/// <summary>
/// The example handlers run locally on the machine's python3 under -X importtime, and the two variants differ in
/// exactly what the example claims: eager imports at module level, lazy ones on the first call.
/// </summary>
public class ExampleHandlerTests
{
    private static readonly string[] HeavyModules = ["email.message", "http.client", "sqlite3", "xml.etree.ElementTree"];

    private static (string Stdout, HashSet<string> ImportedAtInit, int ExitCode) Run(string module)
    {
        // Prints a marker between init and the first call, so the import rows before it are init-phase.
        var code = $"import json, sys; import {module} as m; print('--invoke--', file=sys.stderr, flush=True); " +
                   "print(json.dumps(m.handler(json.load(open('sample_event.json')), None)))";
        var result = ProcessRun.Start("python3", ["-X", "importtime", "-c", code], ExampleApp.HandlerDirectory,
            new Dictionary<string, string?> { ["PYTHONDONTWRITEBYTECODE"] = "1" });
        var stderr = result.Stderr;
        var initRows = stderr[..Math.Max(0, stderr.IndexOf("--invoke--", StringComparison.Ordinal))]
            .Split('\n')
            .Where(line => line.StartsWith("import time:", StringComparison.Ordinal) && line.Contains('|'))
            .Select(line => line.Split('|')[2].Trim())
            .ToHashSet();
        return (result.Stdout, initRows, result.ExitCode);
    }

    [Fact]
    public void Eager_imports_everything_at_init()
    {
        var (stdout, initImports, exitCode) = Run("app_eager");

        Assert.Equal(0, exitCode);
        Assert.All(HeavyModules, module => Assert.Contains(module, initImports));
        Assert.Contains("12.25", JsonDocument.Parse(stdout).RootElement.GetProperty("body").GetString());
    }

    [Fact]
    public void Lazy_defers_the_heavy_imports_to_the_first_call()
    {
        var (stdout, initImports, exitCode) = Run("app_lazy");

        Assert.Equal(0, exitCode);
        Assert.All(HeavyModules, module => Assert.DoesNotContain(module, initImports));
        Assert.Contains("orders", initImports);
        Assert.Contains("12.25", JsonDocument.Parse(stdout).RootElement.GetProperty("body").GetString());
    }
}
