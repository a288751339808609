using System.Text.Json;
using ColdStart.Analysis.Tests.Support;
using ColdStart.Cli;
using static ColdStart.Analysis.Tests.Support.LambdaLines;

namespace ColdStart.Analysis.Tests.Cli;

/// <summary>Every figure is right, unknown, or the run stops with one line and exit 2: never a confident wrong answer.</summary>
public sealed class TrustworthyReportTests
{
    private static string[] Environment(string request, long jsonMicros) =>
    [
        InitStart(), Wrapper(), ImportTimeText.Header, ImportTimeText.Row(100, 100, 1, "_json"), ImportTimeText.Row(jsonMicros, jsonMicros + 100, 0, "json"),
        Start(request), End(request), Report(request, 5, init: 100),
    ];

    /// <summary>Three environments in their own streams: 1 ms, 90 ms and 90 ms of init imports (median 90 ms).</summary>
    private static string Export()
    {
        var environments = new[] { Environment(RequestA, 900), Environment(RequestB, 89_900), Environment(RequestC, 89_900) };
        var events = environments.SelectMany((lines, e) => lines.Select((m, i) => new
        {
            logStreamName = $"2024/05/01/[$LATEST]{e:D32}",
            timestamp = 1714557600000L + e * 1000 + i,
            message = m + "\n",
        }));
        return JsonSerializer.Serialize(new { events }, new JsonSerializerOptions { WriteIndented = true });
    }

    [Fact]
    public void A_download_cut_off_mid_file_stops_the_gate_instead_of_passing_it()
    {
        using var dir = new TempDirectory();
        var full = Export();
        var whole = dir.Write("events.json", full);
        // cut inside the second environment's import block: what is left has a median of 1 ms
        var cut = dir.Write("cut.json", full[..full.IndexOf("| json", full.IndexOf(RequestB, StringComparison.Ordinal) - 2000, StringComparison.Ordinal)]);

        var wholeRun = CliRunner.Run("report", whole, "--budget-ms", "50");
        var cutRun = CliRunner.Run("report", cut, "--budget-ms", "50");

        Assert.Equal(ExitCodes.BudgetExceeded, wholeRun.ExitCode);
        Assert.Equal(ExitCodes.UsageError, cutRun.ExitCode);
        Assert.Equal("", cutRun.Out);
        Assert.Matches($"^coldstart report: '{System.Text.RegularExpressions.Regex.Escape(cut)}': the JSON document is cut off or corrupt near its end at byte [0-9]+: .*--allow-partial.*\n$", cutRun.Error);
    }

    [Fact]
    public void With_allow_partial_every_format_says_the_input_was_partial_and_the_cut_cold_start_is_left_out()
    {
        using var dir = new TempDirectory();
        var full = Export();
        var cut = dir.Write("cut.json", full[..full.IndexOf("| json", full.IndexOf("START", full.IndexOf("00000000000000000000000000000002", StringComparison.Ordinal), StringComparison.Ordinal) - 600, StringComparison.Ordinal)]);

        var text = CliRunner.Run("report", cut, "--allow-partial");
        var markdown = CliRunner.Run("report", cut, "--allow-partial", "--format", "markdown");
        var json = CliRunner.Run("report", cut, "--allow-partial", "--format", "json");
        var html = dir.PathOf("report.html");
        var htmlRun = CliRunner.Run("report", cut, "--allow-partial", "--format", "html", "--output", html);

        Assert.All([text, markdown, json, htmlRun], run => Assert.Equal(ExitCodes.Success, run.ExitCode));
        Assert.Contains("PARTIAL INPUT", text.Out);
        Assert.Contains("Partial input", text.Out);
        Assert.Contains("PARTIAL INPUT", markdown.Out);
        Assert.Contains("PARTIAL INPUT", File.ReadAllText(html));
        var summary = JsonDocument.Parse(json.Out).RootElement.GetProperty("summary");
        var partial = Assert.Single(summary.GetProperty("partialInputs").EnumerateArray());
        Assert.Equal(cut, partial.GetProperty("name").GetString());
        Assert.True(partial.GetProperty("byteOffset").GetInt64() > 0);
        Assert.Equal(2, summary.GetProperty("coldStarts").GetInt32());
        Assert.Equal(1, summary.GetProperty("incompleteColdStarts").GetProperty("total").GetInt32());
    }

    [Fact]
    public void Compare_refuses_a_cut_export_and_with_allow_partial_says_so_in_every_format()
    {
        using var dir = new TempDirectory();
        var full = Export();
        var whole = dir.Write("whole.json", full);
        var cut = dir.Write("cut.json", full[..full.IndexOf("| json", full.IndexOf("START", full.IndexOf("00000000000000000000000000000002", StringComparison.Ordinal), StringComparison.Ordinal) - 600, StringComparison.Ordinal)]);

        var refused = CliRunner.Run("compare", $"a={whole}", $"b={cut}");
        var text = CliRunner.Run("compare", $"a={whole}", $"b={cut}", "--allow-partial");
        var markdown = CliRunner.Run("compare", $"a={whole}", $"b={cut}", "--allow-partial", "-f", "markdown");
        var json = CliRunner.Run("compare", $"a={whole}", $"b={cut}", "--allow-partial", "-f", "json");

        Assert.Equal(ExitCodes.UsageError, refused.ExitCode);
        Assert.Matches($"^coldstart compare: '{System.Text.RegularExpressions.Regex.Escape(cut)}': the JSON document is cut off or corrupt near its end at byte [0-9]+: .*\n$", refused.Error);
        Assert.All([text, markdown, json], run => Assert.Equal(ExitCodes.Success, run.ExitCode));
        Assert.Contains($"PARTIAL INPUT: b: {cut}: ", text.Out);
        Assert.Contains("b: incomplete cold starts 1 left out of every figure", text.Out);
        Assert.Contains("PARTIAL INPUT: b: ", markdown.Out);
        var strategies = JsonDocument.Parse(json.Out).RootElement.GetProperty("strategies");
        Assert.Equal(0, strategies[0].GetProperty("partialInputs").GetArrayLength());
        Assert.Equal(cut, Assert.Single(strategies[1].GetProperty("partialInputs").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(1, strategies[1].GetProperty("incompleteColdStarts").GetProperty("total").GetInt32());
        Assert.Equal(2, strategies[1].GetProperty("profiles").GetInt32());
    }

    /// <summary>Init output logged after START (older console logs): the split is unknown.</summary>
    private static string OldConsoleLog() => string.Join("\n",
        Start(RequestA), ImportTimeText.Header, ImportTimeText.Row(3000, 3000, 0, "json"), "module loaded", End(RequestA), Report(RequestA, 20, init: 100)) + "\n";

    [Fact]
    public void Unknown_init_imports_are_unknown_in_text_and_markdown_null_in_json_and_absent_in_html()
    {
        using var dir = new TempDirectory();
        var log = dir.Write("console.log", OldConsoleLog());
        var html = dir.PathOf("report.html");

        var text = CliRunner.Run("report", log).Out;
        var markdown = CliRunner.Run("report", log, "--format", "markdown").Out;
        var summary = JsonDocument.Parse(CliRunner.Run("report", log, "--format", "json").Out).RootElement.GetProperty("summary");
        CliRunner.Run("report", log, "--format", "html", "--output", html);

        Assert.Contains("Init-phase imports  unknown for 1 of 1 cold starts", text);
        Assert.Contains("| Init-phase imports | unknown for 1 of 1 cold starts", markdown);
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("medianInitImportMs").ValueKind);
        Assert.Equal(0, summary.GetProperty("initImportMs").GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("firstInvocationLazyImportMs").GetProperty("p50").ValueKind);
        Assert.DoesNotContain("Init-phase imports", File.ReadAllText(html));
        Assert.DoesNotContain("Lazy imports in the 1st invocation", File.ReadAllText(html));
    }

    [Fact]
    public void A_budget_on_an_unknown_figure_cannot_be_evaluated_and_exits_2()
    {
        using var dir = new TempDirectory();
        var log = dir.Write("console.log", OldConsoleLog());

        var run = CliRunner.Run("report", log, "--budget-ms", "1000000");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--budget-metric init-imports-p50: cannot evaluate", run.Error);
    }

    [Fact]
    public void A_log_whose_only_cold_start_is_cut_says_so_rather_than_no_profile()
    {
        using var dir = new TempDirectory();
        var log = dir.Write("cut.log", string.Join("\n", Environment(RequestA, 900)[..4]) + "\n");

        var run = CliRunner.Run("report", log);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("no complete import-time profile", run.Error);
        Assert.Contains("import block cut 1", run.Error);
    }

    [Fact]
    public void Overlapping_environments_without_stream_names_exit_2_with_what_to_export()
    {
        using var dir = new TempDirectory();
        var lines = Environment(RequestA, 900)[..4].Concat(Environment(RequestB, 900)).Concat(Environment(RequestA, 900)[4..]);
        var log = dir.Write("short.log", string.Join("\n", lines.Select((l, i) => $"2024-05-01T10:00:{i:00}.000000+00:00 {l}")) + "\n");

        var run = CliRunner.Run("report", log);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("mixes several execution environments", run.Error);
    }

    [Fact]
    public void A_logs_insights_csv_is_refused_with_exit_2()
    {
        using var dir = new TempDirectory();
        var csv = dir.Write("results.csv", "@timestamp,@message\n2024-05-01 10:00:00.000,import time: self [us] | cumulative | imported package\n");

        var run = CliRunner.Run("report", csv);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("Logs Insights result", run.Error);
    }
}
