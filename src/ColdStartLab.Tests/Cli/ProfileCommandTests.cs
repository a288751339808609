using System.Text.Json;
using System.Text.Json.Nodes;
using ColdStart.Lab.Tests.Support;

namespace ColdStart.Lab.Tests.Cli;

/// <summary><c>coldstart profile</c> end to end on the example app's synthesised Dev stage and on code folders.</summary>
public sealed class ProfileCommandTests
{
    private static string Dev => Path.Combine(ExampleAssembly.Directory, "assembly-Dev");

    private static readonly string[] Quick = ["--cold-starts", "2", "--warm-up", "0"];

    [Fact]
    public void One_function_prints_coldstart_reports_document_with_the_lab_object_added()
    {
        using var temp = new TempFolder();
        var logs = temp.PathOf("logs");

        var profile = Support.Cli.Run(["profile", Dev, "--function", "Orders/Lazy", .. Quick, "--event", Path.Combine(Assets.ExampleHandlers, "sample_event.json"),
            "-f", "json", "--save-logs", logs]);

        Assert.Equal(0, profile.ExitCode);
        Assert.Equal("", profile.Error);
        var document = JsonNode.Parse(profile.Out)!.AsObject();
        Assert.Equal("report", (string?)document["kind"]);
        var lab = document["lab"]!;
        Assert.Equal("Dev/Orders/Lazy/Function", (string?)lab["function"]!["name"]);
        Assert.Equal("auto", (string?)lab["preload"]!["mode"]);
        Assert.Contains("json", lab["preload"]!["modules"]!.AsArray().Select(m => (string?)m));
        Assert.True((bool)lab["ranWrapper"]!);
        Assert.Equal(2, (int)lab["coldStarts"]!["completed"]!);
        Assert.Equal(3, lab["noise"]!.AsArray().Count);
        Assert.Contains(lab["modules"]!.AsArray(), m => (string?)m!["name"] == "sqlite3" && (string?)m["phase"] == "invoke");
        Assert.Contains(lab["modules"]!.AsArray(), m => (string?)m!["name"] == "json" && (bool)m["beforeHandler"]!);

        // By construction: without "lab", the document is exactly what coldstart report prints for the saved log.
        var log = Assert.Single(Directory.GetFiles(logs));
        Assert.Equal("Dev_Orders_Lazy_Function.log", Path.GetFileName(log));
        var report = Support.Cli.Run("report", log, "--handler", "app_lazy", "-f", "json");
        Assert.Equal(0, report.ExitCode);
        document.Remove("lab");
        var expected = JsonNode.Parse(report.Out)!.AsObject();
        expected["summary"]!["sources"]![0]!["name"] = "Dev/Orders/Lazy/Function (2 local cold starts)";
        Assert.Equal(expected.ToJsonString(), document.ToJsonString());

        var again = Support.Cli.Run(["profile", Dev, "--function", "Orders/Lazy", "--cold-starts", "1", "--warm-up", "0", "--save-logs", logs]);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--save-logs: cannot write into", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_functions_print_the_side_by_side_table_first_then_each_report()
    {
        var text = Support.Cli.Run(["profile", Dev, "--function", "Orders/Lazy", "--function", "Orders/Eager", .. Quick, "--event", Path.Combine(Assets.ExampleHandlers, "sample_event.json")]);

        Assert.Equal(0, text.ExitCode);
        var lines = text.Out.Split('\n');
        Assert.Equal("coldstart profile: 2 functions, their cold starts interleaved", lines[0]);
        Assert.Contains("init-phase imports ms", lines[2], StringComparison.Ordinal);
        Assert.Contains("heaviest init import", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("  Dev/Orders/Lazy/Function ", lines[4], StringComparison.Ordinal);
        Assert.Contains("orders (", lines[4], StringComparison.Ordinal);
        Assert.StartsWith("  Dev/Orders/Eager/Function ", lines[5], StringComparison.Ordinal);
        Assert.True(text.Out.IndexOf("== Dev/Orders/Lazy/Function", StringComparison.Ordinal) < text.Out.IndexOf("== Dev/Orders/Eager/Function", StringComparison.Ordinal));
        Assert.Equal(2, text.Out.Split("coldstart report: 2 cold starts").Length - 1);

        var json = Support.Cli.Run(["profile", Dev, "--function", "Orders/Lazy", "--function", "Orders/Eager", .. Quick, "-f", "json"]);
        using var document = JsonDocument.Parse(json.Out);
        var root = document.RootElement;
        Assert.Equal("profile", root.GetProperty("kind").GetString());
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        var functions = root.GetProperty("functions").EnumerateArray().ToList();
        Assert.Equal(["Dev/Orders/Lazy/Function", "Dev/Orders/Eager/Function"], functions.Select(f => f.GetProperty("name").GetString()));
        Assert.All(functions, f =>
        {
            Assert.Equal("python3.13", f.GetProperty("runtime").GetString());
            Assert.Equal("report", f.GetProperty("report").GetProperty("kind").GetString());
            Assert.Equal(JsonValueKind.Null, f.GetProperty("firstInvocationLazyImportMs").ValueKind); // no --event: not measured, not 0
        });
        // the heaviest of the eager handler's own imports: which one depends on timing (email.message loads much of what
        // http.client needs), so check it against the function's own report rather than a fixed name
        var heaviest = functions[1].GetProperty("heaviestInitImport").GetProperty("name").GetString();
        Assert.Contains(heaviest, new[] { "email.message", "http.client", "sqlite3", "xml.etree.ElementTree", "orders" });
        var handlerRoot = functions[1].GetProperty("report").GetProperty("tree").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "app_eager");
        var imports = handlerRoot.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(imports.Max(c => c.GetProperty("medianCumulativeMs").GetDouble()),
            imports.Single(c => c.GetProperty("name").GetString() == heaviest).GetProperty("medianCumulativeMs").GetDouble());

        var markdown = Support.Cli.Run(["profile", Dev, "--function", "Orders/Eager", "--cold-starts", "1", "--warm-up", "0", "-f", "markdown"]);
        Assert.StartsWith("# Local cold starts\n", markdown.Out, StringComparison.Ordinal);
        Assert.Contains("## Cold-start import report", markdown.Out, StringComparison.Ordinal);

        using var temp = new TempFolder();
        var html = Support.Cli.Run(["profile", Dev, "--function", "Dev/Orders/*", "--cold-starts", "1", "--warm-up", "0", "-f", "html", "-o", temp.PathOf("p.html")]);
        Assert.Equal(0, html.ExitCode);
        var page = File.ReadAllText(temp.PathOf("p.html"));
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Equal(2, page.Split("<svg class=\"icicle\"").Length - 1);
        Assert.Equal(1, page.Split("<script>").Length - 1); // the zoom script once, for both charts
        Assert.Equal(1, page.Split("Content-Security-Policy").Length - 1);
    }

    [Fact]
    public void A_function_that_starts_a_python_child_is_gated_on_its_own_imports_and_says_the_lazy_figure_is_unknown()
    {
        var passed = Support.Cli.Run(["profile", "--code", Assets.Folder("spawns"), "--handler", "app.handler", .. Quick,
            "--event", Path.Combine(Assets.ExampleHandlers, "sample_event.json"), "--forbid-at-init", "sqlite3", "-f", "json"]);
        var gated = Support.Cli.Run(["profile", "--code", Assets.Folder("spawns"), "--handler", "app.handler", .. Quick,
            "--event", Path.Combine(Assets.ExampleHandlers, "sample_event.json"), "--budget-metric", "init-imports-p50", "--budget-ms", "1000",
            "--max-module-ms", "sqlite3=0.001"]);

        Assert.Equal(0, passed.ExitCode); // the child's sqlite3 is not the function's init-phase import
        using var document = JsonDocument.Parse(passed.Out);
        var lab = document.RootElement.GetProperty("lab");
        // at least the spawned worker in each of the 2 cold starts (multiprocessing's resource tracker is another)
        Assert.InRange(lab.GetProperty("coldStarts").GetProperty("childProcesses").GetInt32(), 2, 8);
        Assert.Equal(0, lab.GetProperty("coldStarts").GetProperty("unaccountedProfiles").GetInt32());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("summary").GetProperty("firstInvocationLazyImportMs").GetProperty("p50").ValueKind);
        Assert.Equal(0, gated.ExitCode); // sqlite3 is never the function's own import, so its limit is not breached
        Assert.Contains("Child processes", Support.Cli.Run(["profile", "--code", Assets.Folder("spawns"), "--handler", "app.handler", .. Quick,
            "--event", Path.Combine(Assets.ExampleHandlers, "sample_event.json")]).Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a file of the code folder")]
    [InlineData("a new file in the code folder")]
    [InlineData("the event")]
    public void An_output_among_what_the_run_reads_is_refused_before_anything_runs(string where)
    {
        using var temp = new TempFolder();
        var code = temp.PathOf("code");
        Directory.CreateDirectory(code);
        File.Copy(Path.Combine(Assets.ExampleHandlers, "app_lazy.py"), Path.Combine(code, "app_lazy.py"));
        File.Copy(Path.Combine(Assets.ExampleHandlers, "orders.py"), Path.Combine(code, "orders.py"));
        var eventFile = temp.PathOf("event.json");
        File.Copy(Path.Combine(Assets.ExampleHandlers, "sample_event.json"), eventFile);
        var output = where switch
        {
            "a file of the code folder" => Path.Combine(code, "app_lazy.py"),
            "a new file in the code folder" => Path.Combine(code, "report.md"),
            _ => eventFile,
        };
        var handler = File.ReadAllText(Path.Combine(code, "app_lazy.py"));

        var run = Support.Cli.Run(["profile", "--code", code, "--handler", "app_lazy.handler", "--event", eventFile, .. Quick, "-o", output]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("coldstart profile: --output: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("cold start", run.Error, StringComparison.Ordinal); // refused before running anything
        Assert.Equal(handler, File.ReadAllText(Path.Combine(code, "app_lazy.py")));
        Assert.False(File.Exists(Path.Combine(code, "report.md")));
    }

    [Fact]
    public void Code_folder_mode_reports_failures_one_line_each_and_exits_2()
    {
        var missing = Support.Cli.Run(["profile", "--code", Assets.Folder("missing_dep"), "--handler", "app.handler", .. Quick]);

        Assert.Equal(2, missing.ExitCode);
        Assert.Equal(
            ["coldstart profile: missing_dep: init failed: Runtime.ImportModuleError: No module named 'requests' at File \"" + Path.Combine(Assets.Folder("missing_dep"), "app.py")
             + "\", line 3, in <module> — the code and its layers lack the module 'requests': bundle it with the code or in a layer (2 of 2 cold starts)"],
            missing.ErrorLines);
        Assert.Contains("Failed", missing.Out, StringComparison.Ordinal);

        using var temp = new TempFolder();
        var raises = Support.Cli.Run(["profile", "--code", Assets.Folder("raises"), "--handler", "app.handler", "--event", temp.Write("empty.json", "{}"), "--cold-starts", "1", "--warm-up", "0"]);
        Assert.Equal(2, raises.ExitCode);
        var line = Assert.Single(raises.ErrorLines);
        Assert.StartsWith("coldstart profile: raises: the handler raised ValueError: order 42 has no lines at File \"", line, StringComparison.Ordinal);
        Assert.EndsWith("app.py\", line 3, in total (1 of 1 cold starts)", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "cdk.out", "--code", "x" }, "give a cloud assembly ('cdk.out') or --code, not both.")]
    [InlineData(new[] { "--code", "x" }, "--code needs --handler MODULE.FUNCTION (e.g. app.handler).")]
    [InlineData(new[] { "--code", "x", "--handler", "app" }, "--handler: 'app' is not module.function (e.g. app.handler, or pkg/app.handler for a module in a folder).")]
    [InlineData(new[] { "--code", "x", "--handler", "app.h", "--runtime", "python3.7" }, "--runtime: 'python3.7' is not a Python runtime the lab runs (expected python3.8 or newer, e.g. python3.13).")]
    [InlineData(new[] { "--code", "x", "--handler", "app.h", "--function", "Api" }, "--function picks functions from a cloud assembly; with --code there is one function.")]
    [InlineData(new[] { "--handler", "app.h" }, "--handler describes a function given with --code; with a cloud assembly the template says it.")]
    [InlineData(new[] { "--code", "x", "--handler", "app.h", "--cold-starts", "0" }, "--cold-starts must be between 1 and 1000. Found 0.")]
    [InlineData(new[] { "--code", "x", "--handler", "app.h", "--env", "AWS_REGION=eu-west-1" }, "--env: AWS_REGION is reserved by Lambda and set by the lab itself (see docs/lab.md).")]
    [InlineData(new[] { "--code", "x", "--handler", "app.h", "--env", "NOVALUE" }, "--env: 'NOVALUE' is not NAME=VALUE.")]
    [InlineData(new[] { "--code", "x", "--handler", "app.h", "--preload", "some" }, "--preload 'some' is not auto, none or from:LOGFILE.")]
    [InlineData(new[] { "--code", "x", "--handler", "app.h", "--max-module-ms", "boto3" }, "--max-module-ms: 'boto3' is not MODULE=MS (e.g. boto3=50, a module name and a number of ms, 0 or more).")]
    [InlineData(new[] { "--code", "x", "--handler", "app.h", "--forbid-at-init", "xml etree" }, "--forbid-at-init: 'xml etree' is not a module name (e.g. sqlite3 or xml.etree).")]
    [InlineData(new[] { "--code", "x", "--handler", "app.h", "--baseline", "b.json" }, "--baseline needs --max-regression-ms and/or --max-regression-pct: how much growth is allowed.")]
    [InlineData(new[] { "--code", "x", "--handler", "app.h", "--max-regression-pct", "10" }, "--max-regression-ms and --max-regression-pct compare with --baseline REPORT.json: give it.")]
    [InlineData(new[] { "no-such-cdk.out" }, "'no-such-cdk.out' is not a folder: expected a cloud assembly such as cdk.out (run `cdk synth` first).")]
    public void Usage_errors_are_one_line_and_exit_2(string[] args, string message)
    {
        var outcome = Support.Cli.Run(["profile", .. args]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal([$"coldstart profile: {message}"], outcome.ErrorLines);
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public void A_function_pattern_that_matches_nothing_lists_the_functions()
    {
        var outcome = Support.Cli.Run("profile", Dev, "--function", "Billing");

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("coldstart profile: --function 'Billing' matches no function in ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("Dev/Orders/Lazy/Function", outcome.Error, StringComparison.Ordinal);
    }
}
