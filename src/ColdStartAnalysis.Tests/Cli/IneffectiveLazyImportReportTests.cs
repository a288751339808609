using System.Text.Json;
using ColdStart.Analysis.Tests.Support;
using ColdStart.Cli;
using static ColdStart.Analysis.Tests.Support.LambdaLines;

namespace ColdStart.Analysis.Tests.Cli;

/// <summary>Python 3.14 cached rows through <c>coldstart report</c>, every format.</summary>
public sealed class IneffectiveLazyImportReportTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// Per cold start: the runtime imports json (a root); app imports pandas and, unless <paramref name="appLoadsJson"/>,
    /// finds json cached; the handler imports pandas again (cached: saved nothing).
    /// </summary>
    private static string[] ColdStart(string request, bool appLoadsJson) =>
    [
        InitStart("python:3.14.v1"),
        Wrapper(interpreter: "/var/lang/bin/python3.14"),
        ImportTimeText.Header,
        .. appLoadsJson ? Array.Empty<string>() : [ImportTimeText.Row(700, 700, 0, "json")],
        ImportTimeText.Row(80_000, 80_000, 1, "pandas"),
        appLoadsJson ? ImportTimeText.Row(600, 600, 1, "json") : ImportTimeText.CachedRow(1, "json"),
        ImportTimeText.Row(300, 81_000, 0, "app"),
        Start(request),
        ImportTimeText.CachedRow(0, "pandas"),
        End(request),
        Report(request, 20, init: 150),
    ];

    private string Log314(params bool[] appLoadsJson)
    {
        var path = Path.Combine(_dir.Path, "py314.log");
        File.WriteAllLines(path, appLoadsJson.DefaultIfEmpty(false).SelectMany((loads, i) => ColdStart($"request-{i}", loads)));
        return path;
    }

    [Fact]
    public void Text_lists_the_lazy_import_that_saved_nothing_with_its_init_importer_and_marks_cached_tree_rows()
    {
        var run = CliRunner.Run("report", Log314());

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var section = run.Out[run.Out.IndexOf("Lazy imports that saved nothing", StringComparison.Ordinal)..run.Out.IndexOf("Import tree", StringComparison.Ordinal)];
        var row = Assert.Single(section.Split('\n'), l => l.TrimStart().StartsWith("pandas", StringComparison.Ordinal));
        Assert.Matches(@"pandas\s+third-party\s+app\s+80\.0\s+1/1", row.Trim());
        Assert.Matches(@"\n\s+json \(cached\)\s+stdlib", run.Out);
        Assert.Matches(@"\n\s+pandas \(lazy\) \(cached\)", run.Out);
    }

    [Fact]
    public void Json_gives_the_list_and_cached_counts_per_tree_node()
    {
        var run = CliRunner.Run("report", Log314(), "-f", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var pandas = Assert.Single(json.RootElement.GetProperty("ineffectiveLazyImports").EnumerateArray());
        Assert.Equal(("pandas", "app", 1, 1, 80.0), (pandas.GetProperty("name").GetString(), pandas.GetProperty("loadedBy").GetString(),
            pandas.GetProperty("coldStarts").GetInt32(), pandas.GetProperty("loadedAtInit").GetInt32(), pandas.GetProperty("medianInitCumulativeMs").GetDouble()));
        var app = json.RootElement.GetProperty("tree").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "app");
        var cachedJson = app.GetProperty("children").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "json" && n.GetProperty("cachedColdStarts").GetInt32() == 1);
        Assert.Equal(0.0, cachedJson.GetProperty("medianCumulativeMs").GetDouble());
    }

    [Fact]
    public void Markdown_and_html_list_it_too()
    {
        var markdown = CliRunner.Run("report", Log314(), "-f", "markdown");
        var html = CliRunner.Run("report", Log314(), "-f", "html");

        Assert.Matches(@"\| pandas \| third-party \| app \| 80\.0 \| 1/1 \|", markdown.Out);
        Assert.Contains("<h2>Lazy imports that saved nothing (already loaded)</h2>", html.Out);
        Assert.Contains("<td>pandas</td><td>third-party</td><td>app</td><td class=\"num\">80.0</td>", html.Out);
    }

    [Fact]
    public void Icicle_says_in_how_many_cold_starts_a_drawn_path_was_already_loaded()
    {
        var html = CliRunner.Run("report", Log314(true, true, false), "-f", "html");

        Assert.Equal(ExitCodes.Success, html.ExitCode);
        Assert.Contains("json\nstdlib\ncumulative 0.6 ms, self 0.6 ms (medians)\nin 3 of 3 cold starts\nalready loaded (cached) in 1 of them", html.Out);
    }

    [Fact]
    public void Before_python_3_14_the_answer_is_unknown_in_text_and_null_in_json_and_absent_in_html()
    {
        var text = CliRunner.Run("report", CliRunner.SamplePath);
        var json = CliRunner.Run("report", CliRunner.SamplePath, "-f", "json");
        var html = CliRunner.Run("report", CliRunner.SamplePath, "-f", "html");

        Assert.Contains("Lazy imports that saved nothing (already loaded)\n  Unknown: needs cached rows, which only Python 3.14+ prints", text.Out);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("ineffectiveLazyImports").ValueKind);
        Assert.DoesNotContain("saved nothing", html.Out);
    }

    [Fact]
    public void A_log_mixing_runtimes_counts_out_of_the_cold_starts_that_can_show_it_and_says_so()
    {
        var path = Path.Combine(_dir.Path, "mixed.log");
        File.WriteAllLines(path,
        [
            InitStart(), Wrapper(), ImportTimeText.Header, ImportTimeText.Row(80_000, 80_000, 1, "pandas"), ImportTimeText.Row(300, 80_300, 0, "app"),
            Start("r313"), End("r313"), Report("r313", 20, init: 150),
            .. ColdStart(RequestA, appLoadsJson: false),
        ]);

        var text = CliRunner.Run("report", path);
        var json = CliRunner.Run("report", path, "-f", "json");

        Assert.Equal(ExitCodes.Success, text.ExitCode);
        Assert.Contains("Counted out of the 1 of 2 cold starts whose profile has cached rows", text.Out);
        Assert.Matches(@"pandas\s+third-party\s+app\s+80\.0\s+1/1", text.Out);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(1, document.RootElement.GetProperty("coldStartsWithCachedRows").GetInt32());
        Assert.Equal(2, document.RootElement.GetProperty("summary").GetProperty("coldStarts").GetInt32());
    }

    [Fact]
    public void Json_writes_null_for_an_importer_and_an_init_cost_it_cannot_know()
    {
        var path = Path.Combine(_dir.Path, "builtin.log");
        File.WriteAllLines(path,
        [
            InitStart("python:3.14.v1"), Wrapper(interpreter: "/var/lang/bin/python3.14"), ImportTimeText.Header,
            ImportTimeText.Row(300, 300, 0, "app"),
            Start(RequestA), ImportTimeText.CachedRow(0, "sys"), End(RequestA), Report(RequestA, 20, init: 150),
        ]);

        var run = CliRunner.Run("report", path, "-f", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var sys = Assert.Single(json.RootElement.GetProperty("ineffectiveLazyImports").EnumerateArray());
        Assert.Equal(("sys", 0), (sys.GetProperty("name").GetString(), sys.GetProperty("loadedAtInit").GetInt32()));
        Assert.Equal(JsonValueKind.Null, sys.GetProperty("loadedBy").ValueKind);
        Assert.Equal(JsonValueKind.Null, sys.GetProperty("medianInitCumulativeMs").ValueKind);
    }
}
