using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ColdStart.Lab.Tests.Support;

namespace ColdStart.Lab.Tests.Gates;

/// <summary>Every gate of <c>coldstart profile</c> passing, failing (exit 1, one line per breach) and unable to evaluate (exit 2), on real cold starts.</summary>
public sealed partial class GateTests
{
    private static string Dev => Path.Combine(ExampleAssembly.Directory, "assembly-Dev");

    private static readonly string[] HeavyModules = ["sqlite3", "xml.etree", "email", "http.client"];

    private static Support.Cli.Outcome Profile(string variant, params string[] gates)
    {
        using var temp = new TempFolder();
        return Support.Cli.Run(["profile", Dev, "--function", $"Dev/Orders/{variant}", "--cold-starts", "2", "--warm-up", "0", "-o", temp.PathOf("report.txt"),
            "--event", Path.Combine(Assets.ExampleHandlers, "sample_event.json"), .. gates]);
    }

    // module (phase): measured ms, allowed … (the gate)
    [GeneratedRegex(@"^coldstart profile: gate failed: Dev/Orders/\w+/Function: (?<module>.+?) \((?<phase>init|invoke)\): (?<measured>[\d,]+\.\d) ms.*, allowed (?<allowed>.+) \((?<gate>--[a-z-]+ .+)\)$")]
    private static partial Regex BreachLine();

    [Fact]
    public void Forbid_at_init_passes_for_the_lazy_variant_and_fails_for_the_eager_one_with_a_line_per_module()
    {
        var forbid = HeavyModules.SelectMany(m => new[] { "--forbid-at-init", m }).ToArray();

        var lazy = Profile("Lazy", forbid);
        Assert.Equal(0, lazy.ExitCode);
        Assert.Equal(["coldstart profile: gates met: 4 checks over 1 function."], lazy.ErrorLines);

        var eager = Profile("Eager", forbid);
        Assert.Equal(1, eager.ExitCode);
        var breaches = eager.ErrorLines.Select(l => BreachLine().Match(l)).ToList();
        Assert.All(breaches, m => Assert.True(m.Success, m.Value));
        Assert.Equal(["email.message", "http.client", "sqlite3", "xml.etree.ElementTree"], breaches.Select(m => m.Groups["module"].Value).Where(n => n != "email.parser").Order());
        Assert.All(breaches, m =>
        {
            Assert.Equal("init", m.Groups["phase"].Value);
            Assert.Equal("not at init (imported at init in 2 of 2 cold starts)", m.Groups["allowed"].Value);
            Assert.StartsWith("--forbid-at-init ", m.Groups["gate"].Value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_budget_passes_and_fails_as_coldstart_reports_does()
    {
        Assert.Equal(0, Profile("Lazy", "--budget-ms", "100000").ExitCode);
        Assert.Equal(0, Profile("Lazy", "--budget-ms", "100000", "--budget-metric", "init-duration-p90").ExitCode);

        var over = Profile("Lazy", "--budget-ms", "0");
        Assert.Equal(1, over.ExitCode);
        var line = BreachLine().Match(Assert.Single(over.ErrorLines));
        Assert.True(line.Success, over.Error);
        Assert.Equal("0.0 ms", line.Groups["allowed"].Value);
        Assert.Equal("--budget-ms 0", line.Groups["gate"].Value);
        Assert.Contains("init-phase imports (median) (init)", over.Error, StringComparison.Ordinal);

        var p90 = Profile("Lazy", "--budget-ms", "1", "--budget-metric", "init-duration-p90");
        Assert.Equal(1, p90.ExitCode);
        Assert.Contains("Init Duration (p90) (init)", p90.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_module_ms_passes_and_fails_per_module_and_phase()
    {
        Assert.Equal(0, Profile("Eager", "--max-module-ms", "http.client=100000", "--max-module-ms", "not_imported=0").ExitCode);

        var over = Profile("Lazy", "--max-module-ms", "sqlite3=0", "--max-module-ms", "http.client=0.001");
        Assert.Equal(1, over.ExitCode);
        var lines = over.ErrorLines.Select(l => BreachLine().Match(l)).ToList();
        Assert.Equal(["sqlite3", "http.client"], lines.Select(m => m.Groups["module"].Value));
        Assert.All(lines, m => Assert.Equal("invoke", m.Groups["phase"].Value));
        Assert.Equal(["0.0 ms", "0.0 ms"], lines.Select(m => m.Groups["allowed"].Value));
        Assert.Equal(["--max-module-ms sqlite3=0", "--max-module-ms http.client=0.001"], lines.Select(m => m.Groups["gate"].Value));
    }

    [Fact]
    public void A_gate_on_a_module_the_runtime_loads_before_the_handler_cannot_be_evaluated()
    {
        var forbidden = Profile("Lazy", "--forbid-at-init", "json");
        Assert.Equal(2, forbidden.ExitCode);
        Assert.StartsWith("coldstart profile: gate cannot be evaluated: Dev/Orders/Lazy/Function: --forbid-at-init json: json", forbidden.Error, StringComparison.Ordinal);
        Assert.Contains("use --preload none", forbidden.Error, StringComparison.Ordinal);

        // Without the preload the handler's own import of json (orders.py imports it at module level) shows.
        var withoutPreload = Profile("Lazy", "--forbid-at-init", "json", "--preload", "none");
        Assert.Equal(1, withoutPreload.ExitCode);
        Assert.Equal("json", BreachLine().Match(Assert.Single(withoutPreload.ErrorLines)).Groups["module"].Value);

        var limited = Profile("Lazy", "--max-module-ms", "logging=1000");
        Assert.Equal(2, limited.ExitCode);
        Assert.Contains("--max-module-ms logging: logging is loaded before the handler module", limited.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Gates_cannot_be_evaluated_on_failed_cold_starts()
    {
        using var temp = new TempFolder();
        var outcome = Support.Cli.Run("profile", "--code", Assets.Folder("missing_dep"), "--handler", "app.handler", "--cold-starts", "1", "--warm-up", "0",
            "--forbid-at-init", "sqlite3", "-o", temp.PathOf("report.txt"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("coldstart profile: gate cannot be evaluated: missing_dep: 1 of 1 cold starts failed: the gates need every cold start", outcome.ErrorLines);
    }

    [Fact]
    public void A_baseline_regression_fails_passes_and_cannot_be_evaluated_without_the_function()
    {
        using var temp = new TempFolder();
        var run = Support.Cli.Run("profile", Dev, "--function", "Dev/Orders/Eager", "--cold-starts", "2", "--warm-up", "0", "-f", "json", "-o", temp.PathOf("now.json"),
            "--event", Path.Combine(Assets.ExampleHandlers, "sample_event.json"));
        Assert.Equal(0, run.ExitCode);

        // A baseline where every module was nearly free: the current run grew beyond any limit for the handler's modules.
        var cheap = JsonNode.Parse(File.ReadAllText(temp.PathOf("now.json")))!;
        foreach (var module in cheap["lab"]!["modules"]!.AsArray())
        {
            module!["medianCumulativeMs"] = 0.001;
        }

        File.WriteAllText(temp.PathOf("cheap.json"), cheap.ToJsonString());
        var regressed = Profile("Eager", "--baseline", temp.PathOf("cheap.json"), "--max-regression-ms", "0.5", "--max-regression-pct", "10");
        Assert.Equal(1, regressed.ExitCode);
        var lines = regressed.ErrorLines.Select(l => BreachLine().Match(l)).ToList();
        Assert.All(lines, m => Assert.True(m.Success, m.Value));
        Assert.Contains(lines, m => m.Groups["module"].Value == "app_eager" && m.Groups["phase"].Value == "init");
        Assert.All(lines, m => Assert.Equal("+0.5 ms and +10% on the baseline's 0.0 ms", m.Groups["allowed"].Value));
        Assert.DoesNotContain(lines, m => m.Groups["module"].Value is "json" or "logging" or "site" or "encodings");

        // A baseline where everything was slower: nothing grew.
        var slow = JsonNode.Parse(File.ReadAllText(temp.PathOf("now.json")))!;
        foreach (var module in slow["lab"]!["modules"]!.AsArray())
        {
            module!["medianCumulativeMs"] = 100000.0;
        }

        File.WriteAllText(temp.PathOf("slow.json"), slow.ToJsonString());
        Assert.Equal(0, Profile("Eager", "--baseline", temp.PathOf("slow.json"), "--max-regression-ms", "0").ExitCode);

        // A multi-function baseline without this function.
        var other = Support.Cli.Run("profile", Dev, "--function", "Dev/Orders/Lazy", "--function", "Dev/Comparison/Orders/lazy", "--cold-starts", "1", "--warm-up", "0",
            "-f", "json", "-o", temp.PathOf("other.json"));
        Assert.Equal(0, other.ExitCode);
        var missing = Profile("Eager", "--baseline", temp.PathOf("other.json"), "--max-regression-ms", "1");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains($"--baseline {temp.PathOf("other.json")}: it has no function Dev/Orders/Eager/Function", missing.Error, StringComparison.Ordinal);
    }
}
