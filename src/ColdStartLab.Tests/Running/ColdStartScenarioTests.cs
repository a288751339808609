using System.Diagnostics;
using System.Text.Json;
using ColdStart.Analysis;
using ColdStart.Lab.Tests.Support;

namespace ColdStart.Lab.Tests.Running;

/// <summary>Real handlers in the situations a team meets, on the newest local CPython.</summary>
public sealed class ColdStartScenarioTests
{
    private static readonly string Version = LocalPython.Installed()[^1];

    private static FunctionProfile Run(LambdaFunction function, string? eventJson = "{}", Preload? preload = null, int coldStarts = 1,
        TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null) =>
        ColdStartLab.Profile([function], new LabOptions
        {
            ColdStarts = coldStarts,
            WarmUp = 0,
            EventJson = eventJson,
            Preload = preload ?? Preload.Auto,
            Timeout = timeout ?? TimeSpan.FromSeconds(60),
            Environment = environment ?? new Dictionary<string, string>(),
        }).Single();

    [Fact]
    public void A_handler_in_a_folder_is_imported_as_the_runtime_does()
    {
        var profile = Run(Assets.Function(Assets.Folder("folder"), "pkg/app.handler", Version));

        Assert.Equal(ColdStartOutcome.Invoked, Assert.Single(profile.ColdStarts).Outcome);
        var coldStart = profile.Parsed!.ColdStarts.Single();
        Assert.Contains(coldStart.Roots, r => r.Name == "pkg.app" && r.Phase == ImportPhase.Init);
        Assert.Contains(coldStart.AllImports, n => n.Name == "fractions" && n.Phase == ImportPhase.Invoke);
        Assert.Equal(ModuleClass.User, coldStart.Roots.Single(r => r.Name == "pkg.app").Class);
    }

    [Fact]
    public void Code_and_layers_from_folders_and_zips_are_put_where_lambda_puts_them_and_a_later_layer_wins()
    {
        using var temp = new TempFolder();
        var code = Assets.Zip(temp, Assets.Folder("layered"), "code.zip");
        var layers = new[] { Assets.Folder("layer_folder"), Assets.ZipLayer(temp, Version) };

        var profile = Run(Assets.Function(code, "app.handler", Version, layers));

        Assert.True(Assert.Single(profile.ColdStarts).Completed, Describe(profile));
        var imported = profile.Parsed!.ColdStarts.Single().AllImports.Select(n => n.Name).ToList();
        Assert.Contains("from_folder_layer", imported);
        Assert.Contains("from_zip_layer", imported);
        Assert.Contains("shadowed", imported);

        // The zip layer's shadowed.py says "zip layer": the handler checks it wins over the folder layer's.
        var checkCode = Path.GetDirectoryName(temp.Write("checks/app.py", "import shadowed\nassert shadowed.WHO == 'zip layer', shadowed.WHO\n\n\ndef handler(event, context):\n    return 1\n"))!;
        var check = Assets.Function(checkCode, "app.handler", Version, layers);
        Assert.Equal(ColdStartOutcome.Invoked, Assert.Single(Run(check).ColdStarts).Outcome);
    }

    [Fact]
    public void A_missing_dependency_names_the_module_and_the_asset_that_lacks_it()
    {
        var profile = Run(Assets.Function(Assets.Folder("missing_dep"), "app.handler", Version), coldStarts: 2);

        Assert.All(profile.ColdStarts, c =>
        {
            Assert.Equal(ColdStartOutcome.InitFailed, c.Outcome);
            Assert.Equal("Runtime.ImportModuleError", c.ErrorType);
            Assert.Equal("ModuleNotFoundError", c.ExceptionType);
            Assert.Equal("requests", c.MissingModule);
            Assert.Equal("No module named 'requests'", c.ErrorMessage);
            Assert.EndsWith("app.py\", line 3, in <module>", c.Frames[^1]);
        });
        Assert.Null(profile.Parsed);
        Assert.Null(profile.Report());
    }

    [Fact]
    public void A_handler_that_raises_shows_the_exception_and_its_last_frames()
    {
        var profile = Run(Assets.Function(Assets.Folder("raises"), "app.handler", Version));

        var coldStart = Assert.Single(profile.ColdStarts);
        Assert.Equal(ColdStartOutcome.InvokeFailed, coldStart.Outcome);
        Assert.Equal("ValueError", coldStart.ExceptionType);
        Assert.Equal("order 42 has no lines", coldStart.ErrorMessage);
        Assert.EndsWith("line 3, in total", coldStart.Frames[^1]);
        Assert.EndsWith("line 8, in handler", coldStart.Frames[^2]);
        Assert.DoesNotContain(coldStart.Frames, f => f.Contains("bootstrap.py", StringComparison.Ordinal));
        Assert.Contains("END RequestId: ", coldStart.Log, StringComparison.Ordinal);
        Assert.Contains("REPORT RequestId: ", coldStart.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hung_cold_start_is_killed_at_the_timeout_with_the_processes_it_started()
    {
        using var temp = new TempFolder();
        var pidFile = temp.PathOf("child.pid");
        var clock = Stopwatch.StartNew();

        var profile = Run(Assets.Function(Assets.Folder("hangs"), "app.handler", Version), timeout: TimeSpan.FromSeconds(3),
            environment: new Dictionary<string, string> { ["CHILD_PID_FILE"] = pidFile });

        var coldStart = Assert.Single(profile.ColdStarts);
        Assert.Equal(ColdStartOutcome.TimedOut, coldStart.Outcome);
        Assert.Contains("--timeout 3 s", coldStart.ErrorMessage, StringComparison.Ordinal);
        Assert.InRange(coldStart.WallMs, 3000, 4500);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the run took {clock.Elapsed}");
        var child = int.Parse(File.ReadAllText(pidFile), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(SpinWait.SpinUntil(() => !IsRunning(child), TimeSpan.FromSeconds(5)), $"the handler's child process {child} is still running");
    }

    [Fact]
    public void Output_printed_by_the_code_is_kept_out_of_the_profile()
    {
        var profile = Run(Assets.Function(Assets.Folder("prints"), "app.handler", Version));

        Assert.True(Assert.Single(profile.ColdStarts).Completed, Describe(profile));
        Assert.DoesNotContain("module loaded", profile.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("fake_module_printed_by_the_user", profile.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("a warning at import", profile.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("handled", profile.Log, StringComparison.Ordinal);
        Assert.Equal(0, profile.Parsed!.LinesIgnored);
        Assert.Equal(0, profile.Parsed.Skipped.Total);
        Assert.Contains(profile.Parsed.ColdStarts.Single().AllImports, n => n.Name == "fractions" && n.Phase == ImportPhase.Invoke);
    }

    [Fact]
    public void A_multiprocessing_spawn_child_is_kept_apart_and_makes_its_invocations_lazy_import_time_unknown()
    {
        // The spawn child's interpreter prints its own importtime header inside the invocation: the parser counts it
        // as a child process of that cold start, not as a cold start, and keeps its rows out of the function's.
        var profile = Run(Assets.Function(Assets.Folder("spawns"), "app.handler", Version), coldStarts: 1);

        Assert.Equal(ColdStartOutcome.Invoked, Assert.Single(profile.ColdStarts).Outcome);
        var coldStart = Assert.Single(profile.Parsed!.ColdStarts);
        Assert.True(coldStart.Subprocesses >= 1, Describe(profile));
        Assert.True(coldStart.SubprocessImportMicros > 0, Describe(profile));
        Assert.Equal((coldStart.Subprocesses, 0), (profile.ChildProcesses, profile.UnaccountedProfiles));
        Assert.DoesNotContain(coldStart.AllImports, n => n.Name == "sqlite3");
        Assert.NotNull(coldStart.InitImportMicros);
        Assert.Null(coldStart.FirstInvocationImportMicros); // the child printed during the first invocation: unknown, never 0
    }

    [Fact]
    public void Preloading_the_runtime_clients_imports_makes_the_handlers_import_json_free_as_on_lambda()
    {
        var function = Assets.Function(Assets.Folder("uses_json"), "app.handler", Version);

        var without = Run(function, preload: Preload.None, coldStarts: 3);
        var with = Run(function, preload: Preload.Auto, coldStarts: 3);

        Assert.All(without.Parsed!.ColdStarts, c => Assert.Contains(c.Roots.Single(r => r.Name == "app").Children, n => n.Name == "json"));
        Assert.All(with.Parsed!.ColdStarts, c =>
        {
            Assert.Empty(c.Roots.Single(r => r.Name == "app").Children);
            Assert.Contains(c.Roots.TakeWhile(r => r.Name != "app"), r => r.Name == "json");
        });
        double HandlerMs(FunctionProfile p) => p.Report()!.Tree.Single(n => n.Name == "app").MedianCumulativeMs;
        Assert.True(HandlerMs(with) < HandlerMs(without), $"app with preload {HandlerMs(with)} ms, without {HandlerMs(without)} ms");
        Assert.Contains("json", with.LoadedBeforeHandler);
        Assert.DoesNotContain("json", without.LoadedBeforeHandler);
        Assert.Empty(without.Preload!.Modules);
    }

    [Fact]
    public void The_cold_start_runs_in_lambdas_layout_and_environment_with_nothing_of_the_users_own()
    {
        using var temp = new TempFolder();
        var code = temp.PathOf("code");
        Directory.CreateDirectory(code);
        File.Copy(Path.Combine(Assets.Folder("facts"), "app.py"), Path.Combine(code, "app.py"));
        var facts = temp.PathOf("facts.json");
        System.Environment.SetEnvironmentVariable("COLDSTART_LAB_TEST_CANARY", "must not leak");
        var function = Assets.Function(code, "app.handler", Version) with
        {
            Name = "Dev/Api/Function",
            LogicalId = "ApiFunction1234",
            MemoryMb = 256,
            TimeoutSeconds = 7,
            Environment = new Dictionary<string, string> { ["TABLE"] = "orders", ["AWS_REGION"] = "ignored-reserved" },
        };

        var profile = Run(function, eventJson: "{\"id\": 7, \"name\": \"t\\u00e9a \\ud83c\\udf75\", \"ok\": true, \"none\": null, \"price\": 4.5}",
            environment: new Dictionary<string, string> { ["FACTS_FILE"] = facts });

        Assert.True(Assert.Single(profile.ColdStarts).Completed, Describe(profile));
        using var document = JsonDocument.Parse(File.ReadAllText(facts));
        var root = document.RootElement;
        var environ = root.GetProperty("environ").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(code, root.GetProperty("cwd").GetString());
        Assert.Equal(code, root.GetProperty("path")[0].GetString());
        Assert.DoesNotContain(root.GetProperty("path").EnumerateArray(), p => p.GetString()!.Contains("site-packages", StringComparison.Ordinal));
        Assert.Equal("app.handler", environ["_HANDLER"]);
        Assert.Equal("us-east-1", environ["AWS_REGION"]);
        Assert.Equal("ApiFunction1234", environ["AWS_LAMBDA_FUNCTION_NAME"]);
        Assert.Equal("256", environ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]);
        Assert.Equal("on-demand", environ["AWS_LAMBDA_INITIALIZATION_TYPE"]);
        Assert.Equal("AWS_Lambda_python" + Version, environ["AWS_EXECUTION_ENV"]);
        Assert.Equal(code, environ["LAMBDA_TASK_ROOT"]);
        Assert.Equal("orders", environ["TABLE"]);
        Assert.Equal("ASIACOLDSTARTLABFAKE", environ["AWS_ACCESS_KEY_ID"]);
        Assert.StartsWith("http://127.0.0.1:", environ["AWS_ENDPOINT_URL"], StringComparison.Ordinal);
        Assert.Equal("1", environ["PYTHONDONTWRITEBYTECODE"]);
        Assert.DoesNotContain("COLDSTART_LAB_TEST_CANARY", environ.Keys);
        Assert.DoesNotContain(environ.Keys, k => k.StartsWith("COLDSTART_LAB_", StringComparison.Ordinal));
        Assert.Equal("ConnectionRefusedError", root.GetProperty("connect").GetString());
        Assert.True(root.GetProperty("connect_ms").GetDouble() < 1000);
        Assert.True(root.GetProperty("dont_write_bytecode").GetBoolean());
        Assert.True(root.GetProperty("stdout_is_stderr").GetBoolean());
        Assert.False(Directory.Exists(Path.Combine(code, "__pycache__")), "bytecode was written into the code folder");
        var context = root.GetProperty("context");
        Assert.Equal("ApiFunction1234", context.GetProperty("function_name").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:ApiFunction1234", context.GetProperty("invoked_function_arn").GetString());
        Assert.InRange(context.GetProperty("remaining_ms").GetInt32(), 1, 7000);
        var received = root.GetProperty("event");
        Assert.Equal(7, received.GetProperty("id").GetInt32());
        Assert.Equal("t\u00e9a \U0001F375", received.GetProperty("name").GetString());
        Assert.True(received.GetProperty("ok").GetBoolean());
        Assert.Equal(JsonValueKind.Null, received.GetProperty("none").ValueKind);
        Assert.Equal(4.5, received.GetProperty("price").GetDouble());
    }

    [Fact]
    public void A_missing_interpreter_is_named_and_nothing_runs()
    {
        var missing = Enumerable.Range(8, 20).Select(m => $"3.{m}").First(v => LocalPython.Find(v) is null);

        var profile = Run(Assets.Function(Assets.ExampleHandlers, "app_lazy.handler", missing));

        Assert.Equal($"python{missing} is not installed here (looked in pyenv's versions and on PATH): install it (e.g. `pyenv install {missing}`) or pass --python PATH.", profile.Problem);
        Assert.Empty(profile.ColdStarts);
    }

    [Fact]
    public void A_wrapper_that_is_not_in_a_local_layer_or_not_executable_stops_the_function_with_the_reason()
    {
        var notLocal = Run(Assets.Function(Assets.ExampleHandlers, "app_lazy.handler", Version,
            environment: new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/otel-instrument" }) with { NonLocalLayers = ["arn:aws:lambda:us-east-1:901920570463:layer:aws-otel-python:1"] });
        Assert.Equal("handler: AWS_LAMBDA_EXEC_WRAPPER=/opt/otel-instrument is not in any of its local layers (it has 1 layer(s) that are not local assets: arn:aws:lambda:us-east-1:901920570463:layer:aws-otel-python:1); the lab runs the wrapper from the function's layers.",
            notLocal.Problem);
        Assert.Empty(notLocal.ColdStarts);

        using var temp = new TempFolder();
        temp.Write("layer/importtime_wrapper", "#!/bin/sh\nexec \"$@\"\n");
        var notExecutable = Run(Assets.Function(Assets.ExampleHandlers, "app_lazy.handler", Version, [temp.PathOf("layer")],
            new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/importtime_wrapper" }));
        Assert.Equal($"handler: AWS_LAMBDA_EXEC_WRAPPER=/opt/importtime_wrapper is not executable in its layer ({temp.PathOf("layer/importtime_wrapper")}): Lambda would refuse it too ('is not an executable').",
            notExecutable.Problem);
    }

    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        return File.Exists(stat) && File.ReadAllText(stat).Split(' ')[2] != "Z";
    }

    private static string Describe(FunctionProfile profile) =>
        string.Join("; ", profile.ColdStarts.Select(c => $"{c.Outcome}: {c.ErrorType} {c.ErrorMessage} {string.Join(" | ", c.Frames)} {string.Join(" | ", c.OutputTail)}"));
}
