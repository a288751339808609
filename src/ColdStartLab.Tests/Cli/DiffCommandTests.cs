using System.Text.Json;
using ColdStart.Lab.Tests.Support;

namespace ColdStart.Lab.Tests.Cli;

/// <summary><c>coldstart diff</c> on real JSON reports.</summary>
public sealed class DiffCommandTests
{
    private static readonly Lazy<(string Lazy, string Eager)> Reports = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("coldstart-lab-diff-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var dev = Path.Combine(ExampleAssembly.Directory, "assembly-Dev");
        foreach (var variant in new[] { "Lazy", "Eager" })
        {
            var run = Support.Cli.Run("profile", dev, "--function", $"Dev/Orders/{variant}", "--cold-starts", "2", "--warm-up", "0", "-f", "json", "-o", Path.Combine(folder, variant + ".json"),
                "--event", Path.Combine(Assets.ExampleHandlers, "sample_event.json"));
            Assert.Equal(0, run.ExitCode);
        }

        return (Path.Combine(folder, "Lazy.json"), Path.Combine(folder, "Eager.json"));
    });

    [Fact]
    public void Moving_imports_to_init_is_flagged_as_new_init_phase_imports()
    {
        var (lazy, eager) = Reports.Value;

        var text = Support.Cli.Run("diff", lazy, eager);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("== Dev/Orders/Eager/Function", text.Out, StringComparison.Ordinal);
        Assert.Contains("New at init: ", text.Out, StringComparison.Ordinal);
        Assert.Contains("init-phase imports (median)", text.Out, StringComparison.Ordinal);

        var json = Support.Cli.Run("diff", lazy, eager, "-f", "json");
        using var document = JsonDocument.Parse(json.Out);
        var function = document.RootElement.GetProperty("functions").EnumerateArray().Single();
        Assert.Equal("diff", document.RootElement.GetProperty("kind").GetString());
        Assert.True(function.GetProperty("inBase").GetBoolean());
        Assert.False(function.GetProperty("modulesApproximate").GetBoolean());
        var newAtInit = function.GetProperty("newAtInit").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("sqlite3", newAtInit);
        Assert.Contains("http.client", newAtInit);
        Assert.DoesNotContain("json", newAtInit);
        var sqlite = function.GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "sqlite3");
        Assert.Equal("invoke", sqlite.GetProperty("basePhase").GetString());
        Assert.Equal("init", sqlite.GetProperty("newPhase").GetString());

        var back = Support.Cli.Run("diff", eager, lazy, "-f", "json");
        using var reverse = JsonDocument.Parse(back.Out);
        // Only the other handler module itself is new at init the other way round.
        Assert.Equal(["app_lazy"], reverse.RootElement.GetProperty("functions")[0].GetProperty("newAtInit").EnumerateArray().Select(e => e.GetString()));
        Assert.StartsWith("# Import-time diff", Support.Cli.Run("diff", eager, lazy, "-f", "markdown").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_naming_one_of_the_reports_is_refused_and_the_report_kept()
    {
        var (lazy, eager) = Reports.Value;
        var before = File.ReadAllText(eager);

        var run = Support.Cli.Run("diff", lazy, eager, "-o", eager);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--output: '{eager}' is the input file '{eager}'", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(eager));
    }

    [Fact]
    public void The_regression_gate_of_diff_fails_with_a_line_per_module()
    {
        var (lazy, eager) = Reports.Value;

        var gated = Support.Cli.Run("diff", lazy, eager, "--max-regression-ms", "0.5");
        Assert.Equal(1, gated.ExitCode);
        Assert.All(gated.ErrorLines, l => Assert.StartsWith("coldstart diff: gate failed: Dev/Orders/Eager/Function: ", l, StringComparison.Ordinal));
        Assert.Contains(gated.ErrorLines, l => l.Contains(": app_eager (init): ", StringComparison.Ordinal)
            && l.EndsWith(" (--max-regression-ms 0.5)", StringComparison.Ordinal));

        var same = Support.Cli.Run("diff", eager, eager, "--max-regression-ms", "0");
        Assert.Equal(0, same.ExitCode);
        Assert.Equal(["coldstart diff: gates met: no module of 1 function(s) grew beyond the limits."], same.ErrorLines);
    }

    [Fact]
    public void A_coldstart_report_document_is_compared_through_its_import_tree_and_says_so()
    {
        using var temp = new TempFolder();
        var report = Support.Cli.Run("report", Path.Combine(AppContext.BaseDirectory, "lambda-console.log"), "-f", "json", "-o", temp.PathOf("report.json"));
        Assert.Equal(0, report.ExitCode);

        var diff = Support.Cli.Run("diff", temp.PathOf("report.json"), temp.PathOf("report.json"));

        Assert.Equal(0, diff.ExitCode);
        Assert.Contains("== (unnamed)", diff.Out, StringComparison.Ordinal);
        Assert.Contains("modules taken from a coldstart report document's import tree", diff.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("New at init", diff.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_report_is_a_one_line_error()
    {
        using var temp = new TempFolder();
        var outcome = Support.Cli.Run("diff", temp.Write("a.json", "{\"kind\": \"comparison\", \"schemaVersion\": 1}"), temp.PathOf("missing.json"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal([$"coldstart diff: '{temp.PathOf("a.json")}' is not a coldstart JSON report (expected \"schemaVersion\": 1 and \"kind\": \"report\" or \"profile\", as written by coldstart report or coldstart profile -f json); its kind is 'comparison'."],
            outcome.ErrorLines);
    }
}
