using System.Text.Json;
using ColdStart.Analysis.Tests.Support;
using ColdStart.Cli;
using Xunit;

namespace ColdStart.Analysis.Tests.Cli;

public sealed class ReportCommandTests
{
    private static readonly ParseResult Sample = LogParser.Parse([LogSource.FromFile(CliRunner.SamplePath)]);

    [Fact]
    public void Text_report_of_the_sample_lists_the_summary_the_top_modules_and_the_tree()
    {
        var run = CliRunner.Run("report", CliRunner.SamplePath, "--top", "5");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.StartsWith($"coldstart report: {Sample.ColdStarts.Count} cold starts", run.Out);
        Assert.Contains("Top 5 modules by self time", run.Out);
        Assert.Contains("Top 5 modules by cumulative time", run.Out);
        Assert.Contains("Import tree", run.Out);
        Assert.Contains("Modules imported    init p50 ", run.Out);
        var slowestRoot = Sample.ColdStarts.SelectMany(c => c.Roots).MaxBy(r => r.CumulativeMicros)!;
        Assert.Contains(slowestRoot.Name, run.Out);
    }

    [Fact]
    public void Json_report_follows_the_documented_schema()
    {
        var run = CliRunner.Run("report", CliRunner.SamplePath, "--format", "json", "--top", "3");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("report", root.GetProperty("kind").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal(Sample.ColdStarts.Count, summary.GetProperty("coldStarts").GetInt32());
        Assert.Equal(Sample.LinesRead, summary.GetProperty("linesRead").GetInt64());
        Assert.Equal(Sample.Skipped.Total, summary.GetProperty("linesSkipped").GetInt64());
        var initModules = Sample.ColdStarts.Select(c => (double)c.AllImports.Count(n => !n.Cached && n.Phase == ImportPhase.Init)).ToList();
        Assert.Equal(Sample.ColdStarts.Count, summary.GetProperty("initModulesImported").GetProperty("count").GetInt32());
        Assert.Equal(Percentiles.Of(initModules).P50, summary.GetProperty("initModulesImported").GetProperty("p50").GetDouble());
        Assert.True(summary.GetProperty("handlerModulesImported").GetProperty("p50").GetDouble() > 0);
        Assert.Equal(3, root.GetProperty("topBySelf").GetArrayLength());
        var self = root.GetProperty("topBySelf").EnumerateArray().Select(m => m.GetProperty("medianMs").GetDouble()).ToList();
        Assert.Equal(self.OrderByDescending(v => v), self);
        foreach (var module in root.GetProperty("topByCumulative").EnumerateArray())
        {
            Assert.Contains(module.GetProperty("class").GetString(), new[] { "lambda-runtime", "stdlib", "third-party", "user" });
            Assert.True(module.GetProperty("minMs").GetDouble() <= module.GetProperty("medianMs").GetDouble());
        }
    }

    [Fact]
    public void Tree_filters_limit_depth_and_time()
    {
        var run = CliRunner.Run("report", CliRunner.SamplePath, "--format", "json", "--max-depth", "0", "--min-ms", "1");

        using var json = JsonDocument.Parse(run.Out);
        var tree = json.RootElement.GetProperty("tree").EnumerateArray().ToList();
        Assert.NotEmpty(tree);
        Assert.All(tree, node =>
        {
            Assert.Equal(0, node.GetProperty("children").GetArrayLength());
            Assert.True(node.GetProperty("medianCumulativeMs").GetDouble() >= 1);
        });
    }

    [Fact]
    public void Markdown_report_has_tables_and_the_tree_in_a_code_block()
    {
        var run = CliRunner.Run("report", CliRunner.SamplePath, "--format", "markdown");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("## Cold-start import report", run.Out);
        Assert.Contains("| module | class | median ms | min | max | cold starts |", run.Out);
        Assert.Contains("```text", run.Out);
    }

    [Fact]
    public void Html_report_is_one_self_contained_page_with_an_icicle_chart_and_one_inline_script()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("report.html");

        var run = CliRunner.Run("report", CliRunner.SamplePath, "--format", "html", "--output", path);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Out);
        var html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<svg class=\"icicle\"", html);
        Assert.Contains("<title>", html[html.IndexOf("<svg", StringComparison.Ordinal)..]);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        Assert.Contains("<script>" + ColdStart.Cli.Rendering.Internal.IcicleZoom.Script + "</script>", html);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(http", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Html_to_a_terminal_is_refused_with_what_to_do()
    {
        var run = CliRunner.Run(stdin: "", stdoutIsTerminal: true, stderrIsTerminal: false, "report", CliRunner.SamplePath, "--format", "html");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("--output FILE", run.Error);
    }

    [Fact]
    public void Standard_input_is_read_for_a_dash()
    {
        var run = CliRunner.Run(File.ReadAllText(CliRunner.SamplePath), false, false, "report", "-", "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(Sample.ColdStarts.Count, json.RootElement.GetProperty("summary").GetProperty("coldStarts").GetInt32());
        Assert.Equal("-", json.RootElement.GetProperty("summary").GetProperty("sources")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Budget_met_exits_0_and_exceeded_exits_1_with_a_verdict_on_stderr()
    {
        var report = ImportTimeReport.Build(Sample, new ReportOptions());
        var median = report.MedianInitImportMs!.Value;

        var met = CliRunner.Run("report", CliRunner.SamplePath, "--budget-ms", (median + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var exceeded = CliRunner.Run("report", CliRunner.SamplePath, "--budget-ms", (median - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ExitCodes.Success, met.ExitCode);
        Assert.Contains("budget met", met.Error);
        Assert.Equal(ExitCodes.BudgetExceeded, exceeded.ExitCode);
        Assert.Contains("budget exceeded: median init-phase import time", exceeded.Error);
        Assert.Contains("coldstart report:", exceeded.Out); // the report is still printed
    }

    [Fact]
    public void Budget_on_init_duration_uses_the_p90_of_the_report_lines()
    {
        var p90 = Percentiles.Of(Sample.Invocations.Where(i => i.Metrics.InitDurationMs is not null).Select(i => i.Metrics.InitDurationMs!.Value)).P90!.Value;

        var exceeded = CliRunner.Run("report", CliRunner.SamplePath, "--budget-ms", (p90 - 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture), "--budget-metric", "init-duration-p90");
        var met = CliRunner.Run("report", CliRunner.SamplePath, "--budget-ms", p90.ToString(System.Globalization.CultureInfo.InvariantCulture), "--budget-metric", "init-duration-p90");

        Assert.Equal(ExitCodes.BudgetExceeded, exceeded.ExitCode);
        Assert.Contains("p90 Init Duration", exceeded.Error);
        Assert.Equal(ExitCodes.Success, met.ExitCode);
    }

    [Fact]
    public void Input_without_a_profile_exits_2_saying_what_was_expected()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("app.log", "hello\nworld\n");

        var run = CliRunner.Run("report", path);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("no import-time profile", run.Error);
        Assert.Contains("expected `import time:` lines", run.Error);
    }

    [Theory]
    [InlineData("missing.log", "no such file")]
    [InlineData("--format=xml", "xml")]
    [InlineData("--top=0", "--top: '0' is too small (the least is 1); expected a whole number, 1 or more.")]
    [InlineData("--split-after=(", "--split-after: '(' is not a valid regular expression")]
    [InlineData("--handler=1bad", "--handler: '1bad' is not a Python module path")]
    [InlineData("--budget-metric=p99", "p99")]
    [InlineData("--frobnicate", "--frobnicate")]
    public void Usage_errors_exit_2_with_one_line(string argument, string expected)
    {
        string[] args = argument == "missing.log" ? ["report", "missing.log"] : ["report", CliRunner.SamplePath, argument];

        var run = CliRunner.Run(args);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains(expected, run.Error);
    }

    [Fact]
    public void Directory_instead_of_a_file_exits_2()
    {
        using var dir = new TempDirectory();

        var run = CliRunner.Run("report", dir.Path);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("is a directory", run.Error);
    }

    [Fact]
    public void Unwritable_output_exits_2()
    {
        var run = CliRunner.Run("report", CliRunner.SamplePath, "--output", "/nonexistent-dir/report.txt");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--output: cannot write '/nonexistent-dir/report.txt': the directory '/nonexistent-dir' does not exist.", run.Error);
    }

    [Fact]
    public void Html_icicle_hover_text_carries_each_root_and_its_median_cumulative_time()
    {
        var report = ImportTimeReport.Build(Sample, new ReportOptions());
        using var dir = new TempDirectory();
        var path = dir.PathOf("report.html");

        CliRunner.Run("report", CliRunner.SamplePath, "--format", "html", "--output", path);

        var svg = File.ReadAllText(path);
        svg = svg[svg.IndexOf("<svg", StringComparison.Ordinal)..svg.IndexOf("</svg>", StringComparison.Ordinal)];
        foreach (var root in report.Tree.Where(r => r.MedianCumulativeMs >= 1))
        {
            var cumulative = root.MedianCumulativeMs.ToString("#,0.0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains($"<title>{root.Name}\n", svg);
            Assert.Contains($"cumulative {cumulative} ms", svg);
        }
    }

    [Fact]
    public void Handler_option_classes_the_handler_package_as_user_code()
    {
        var without = JsonDocument.Parse(CliRunner.Run("report", CliRunner.SamplePath, "--format", "json", "--module", "app.").Out);
        var with = JsonDocument.Parse(CliRunner.Run("report", CliRunner.SamplePath, "--format", "json", "--module", "app.", "--handler", "app.handler").Out);

        var appWithout = without.RootElement.GetProperty("tree").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "app.settings");
        var appWith = with.RootElement.GetProperty("tree").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "app.settings");
        Assert.NotEqual("user", appWithout.GetProperty("class").GetString());
        Assert.Equal("user", appWith.GetProperty("class").GetString());
    }

    [Fact]
    public void Module_prefix_keeps_matching_entries_and_their_ancestors_only()
    {
        var run = CliRunner.Run("report", CliRunner.SamplePath, "--format", "json", "--module", "email.utils");

        using var json = JsonDocument.Parse(run.Out);
        var names = new List<string>();
        void Walk(JsonElement node, bool underMatch)
        {
            var name = node.GetProperty("name").GetString()!;
            var matches = underMatch || name.StartsWith("email.utils", StringComparison.Ordinal);
            names.Add(name);
            var children = node.GetProperty("children").EnumerateArray().ToList();
            Assert.True(matches || children.Count > 0, $"{name} neither matches nor leads to a match");
            children.ForEach(c => Walk(c, matches));
        }

        json.RootElement.GetProperty("tree").EnumerateArray().ToList().ForEach(n => Walk(n, false));
        Assert.Contains("email.utils", names);
        Assert.DoesNotContain("logging", names);
    }

    [Fact]
    public void Split_after_marks_the_end_of_init_in_old_console_logs()
    {
        // Init output printed after START, as the 2020 console showed it; "module loaded" ends module-level code.
        const string log = """
            START RequestId: 11111111-1111-4111-8111-111111111111 Version: $LATEST
            import time: self [us] | cumulative | imported package
            import time:      3000 |       3000 | json
            module loaded
            import time:      5000 |       5000 | sqlite3
            END RequestId: 11111111-1111-4111-8111-111111111111
            REPORT RequestId: 11111111-1111-4111-8111-111111111111	Duration: 20.00 ms	Billed Duration: 120 ms	Memory Size: 128 MB	Max Memory Used: 40 MB	Init Duration: 100.00 ms
            """;
        using var dir = new TempDirectory();
        var path = dir.Write("console.log", log);

        var unknown = JsonDocument.Parse(CliRunner.Run("report", path, "--format", "json").Out).RootElement.GetProperty("summary");
        var split = JsonDocument.Parse(CliRunner.Run("report", path, "--format", "json", "--split-after", "^module loaded$").Out).RootElement;

        Assert.Equal("unknown", unknown.GetProperty("phaseSplit").GetString());
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("medianInitImportMs").ValueKind);
        Assert.Equal("known", split.GetProperty("summary").GetProperty("phaseSplit").GetString());
        Assert.Equal(3.0, split.GetProperty("summary").GetProperty("medianInitImportMs").GetDouble());
        Assert.Equal("sqlite3", split.GetProperty("lazyImports")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Budget_on_init_imports_needs_a_known_split()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("console.log", "START RequestId: 1 Version: $LATEST\nimport time: self [us] | cumulative | imported package\nimport time:      3000 |       3000 | json\nEND RequestId: 1\n");

        var run = CliRunner.Run("report", path, "--budget-ms", "100");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("phase split is unknown", run.Error);
        Assert.Contains("--split-after", run.Error);
    }

    [Fact]
    public void A_split_after_expression_that_runs_away_is_a_usage_error()
    {
        const string log = "START RequestId: 1 Version: $LATEST\nimport time: self [us] | cumulative | imported package\nimport time:      3000 |       3000 | json\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n";
        using var dir = new TempDirectory();
        var path = dir.Write("console.log", log);

        var run = CliRunner.Run("report", path, "--split-after", "^(a+)+$");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--split-after: '^(a+)+$' took longer than 1 s", run.Error);
    }
}
