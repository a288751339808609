using ColdStart.Lab.Internal;
using ColdStart.Lab.Tests.Support;
using Xunit.Abstractions;

namespace ColdStart.Lab.Tests.Preloading;

/// <summary>Where the preloaded modules come from: awslambdaric's imports per runtime, or a real cold start in a log.</summary>
public sealed class PreloadTests(ITestOutputHelper output)
{
    private static LambdaFunction Function(string version = "3.13", string handler = "app.handler") => Assets.Function(Assets.Folder("uses_json"), handler, version);

    [Fact]
    public void Auto_lists_the_runtime_clients_imports_for_every_runtime_and_names_its_source()
    {
        foreach (var runtime in RuntimeClientImports.Runtimes)
        {
            var plan = Preload.Auto.Resolve(Function(runtime[6..]));
            Assert.Equal(["importlib", "json", "logging", "os", "sys", "time", "traceback", "concurrent.futures", "decimal", "math", "simplejson", "datetime", "enum"], plan.Modules);
            Assert.StartsWith($"auto for {runtime}: awslambdaric 2.x", plan.Source, StringComparison.Ordinal);
        }

        Assert.Contains("(the python3.14 list: python3.15 has none of its own)", Preload.Auto.Resolve(Function("3.15")).Source, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pythons.All), MemberType = typeof(Pythons))]
    public void Every_standard_library_module_of_the_auto_list_imports_on_the_local_cpython(string version)
    {
        if (!Pythons.Available(version, output))
        {
            return;
        }

        var modules = Preload.Auto.Resolve(Function(version)).Modules.Where(m => m != "simplejson");
        var (exitCode, _, stderr) = Python.Run(LocalPython.Find(version)!, "-S", "-c", "import " + string.Join(", ", modules));
        Assert.True(exitCode == 0, stderr);
    }

    [Fact]
    public void From_a_log_takes_what_a_real_cold_start_imported_before_the_handler()
    {
        // A cold start the lab ran with auto: its roots before the handler module are start-up and the preload.
        var lab = ColdStartLab.Profile([Function(LocalPython.Installed()[^1])], new LabOptions { ColdStarts = 1, WarmUp = 0 }).Single();
        using var temp = new TempFolder();
        var log = temp.Write("cold.log", lab.Log);

        var plan = Preload.FromLog(log).Resolve(Function());

        Assert.Contains("json", plan.Modules);
        Assert.Contains("logging", plan.Modules);
        Assert.Contains("concurrent.futures", plan.Modules);
        Assert.DoesNotContain("app", plan.Modules);
        Assert.StartsWith($"from {log}: the ", plan.Source, StringComparison.Ordinal);
        Assert.EndsWith($" top-level imports before 'app' in its first cold start, runtime python:{LocalPython.Installed()[^1]}.lab", plan.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void From_a_log_without_the_handler_module_takes_the_runtime_modules_imports()
    {
        var plan = Preload.FromLog(Path.Combine(AppContext.BaseDirectory, "lambda-console.log")).Resolve(Function(handler: "other.handler"));

        Assert.Contains("http.client", plan.Modules);
        Assert.Contains("json", plan.Modules);
        Assert.DoesNotContain(plan.Modules, m => m.StartsWith("lambda_runtime", StringComparison.Ordinal));
        Assert.Contains("('other' is not imported in that cold start)", plan.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void From_a_log_without_a_profile_is_a_one_line_error()
    {
        using var temp = new TempFolder();
        var log = temp.Write("empty.log", "START RequestId: 1 Version: $LATEST\n");

        var error = Assert.Throws<LabException>(() => Preload.FromLog(log).Resolve(Function()));
        Assert.Equal($"--preload from:{log}: no cold start with init-phase imports in the file (expected an exported log of a profiled cold start).", error.Message);
        Assert.Contains("cannot read", Assert.Throws<LabException>(() => Preload.FromLog(temp.PathOf("none.log")).Resolve(Function())).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auto", PreloadMode.Auto)]
    [InlineData("none", PreloadMode.None)]
    [InlineData("from:cold.log", PreloadMode.FromLog)]
    public void Parses_the_option(string value, PreloadMode mode)
    {
        var preload = Preload.Parse(value);
        Assert.Equal(mode, preload.Mode);
        Assert.Equal(value, preload.ToString());
    }
}
