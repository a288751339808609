using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ColdStart.Analysis;
using ColdStart.Lab.Internal;

namespace ColdStart.Lab;

/// <summary>
/// Runs functions' cold starts on local CPython, each in a fresh interpreter started the way Lambda starts it, and
/// turns them into the log <c>coldstart report</c> reads. See docs/lab.md for exactly how a cold start is started.
/// </summary>
public static class ColdStartLab
{
    private static readonly ConcurrentDictionary<string, Version?> Versions = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <see cref="LabOptions.ColdStarts"/> cold starts of every function, interleaved (first cold start of each
    /// function, then the second of each…) so that a change in the machine's load spreads over all of them.
    /// </summary>
    /// <returns>One profile per function, in the order given.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    /// <exception cref="LabException">The event is not JSON, the preload log cannot be used, or <see cref="LabOptions.Python"/> cannot be run.</exception>
    public static IReadOnlyList<FunctionProfile> Profile(IReadOnlyList<LambdaFunction> functions, LabOptions options)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (OperatingSystem.IsWindows())
        {
            throw new LabException("the lab starts Python the way Lambda does, with POSIX paths and a sh wrapper: run it on Linux or macOS (or WSL).");
        }

        string? eventLiteral = null;
        if (options.EventJson is { } json)
        {
            try
            {
                eventLiteral = PythonLiteral.FromJson(json);
            }
            catch (JsonException e)
            {
                throw new LabException($"--event: not a JSON document ({e.Message}).", e);
            }
        }

        if (options.Python is { } python && VersionOf(python) is null)
        {
            throw new LabException($"--python '{python}' cannot be run (expected a CPython 3.8+ interpreter).");
        }

        var runs = new List<FunctionRun>();
        try
        {
            foreach (var function in functions)
            {
                runs.Add(FunctionRun.Prepare(function, options, eventLiteral));
            }

            for (var round = 1; round <= options.WarmUp; round++)
            {
                foreach (var run in runs.Where(r => r.Profile.Problem is null))
                {
                    run.RunOne(-round, options.Timeout);
                }
            }

            for (var number = 1; number <= options.ColdStarts; number++)
            {
                foreach (var run in runs.Where(r => r.Profile.Problem is null))
                {
                    var coldStart = run.RunOne(number, options.Timeout);
                    options.Progress?.Invoke($"{run.Profile.Function.Name}: cold start {number} of {options.ColdStarts}: {coldStart.Outcome}, {coldStart.WallMs:0} ms");
                }
            }

            return runs.Select(r => r.Finish()).ToList();
        }
        finally
        {
            foreach (var run in runs)
            {
                run.Dispose();
            }
        }
    }

    private static Version? VersionOf(string python) => Versions.GetOrAdd(python, LocalPython.VersionOf);

    /// <summary>One function's workspace, configuration and cold starts while the lab runs.</summary>
    private sealed class FunctionRun : IDisposable
    {
        private readonly List<LocalColdStart> _coldStarts = [];
        private FunctionWorkspace? _workspace;
        private Dictionary<string, string> _environment = [];
        private string _config = "";

        private FunctionRun(FunctionProfile profile) => Profile = profile;

        public FunctionProfile Profile { get; }

        public static FunctionRun Prepare(LambdaFunction function, LabOptions options, string? eventLiteral)
        {
            var run = new FunctionRun(new FunctionProfile(function));
            var profile = run.Profile;
            var notes = new List<string>();
            if (function.UnresolvedEnvironment.Count > 0)
            {
                notes.Add($"environment variables left unset (CloudFormation expressions in the template; set them with --env): {string.Join(", ", function.UnresolvedEnvironment)}");
            }

            if (function.NonLocalLayers.Count > 0)
            {
                notes.Add($"layers that are not local assets, so not in place: {string.Join(", ", function.NonLocalLayers)}");
            }

            profile.Preload = options.Preload.Resolve(function);
            var python = options.Python ?? LocalPython.Find(function.PythonVersion);
            if (python is null)
            {
                profile.Problem = $"{function.Runtime} is not installed here (looked in pyenv's versions and on PATH): install it (e.g. `pyenv install {function.PythonVersion}`) or pass --python PATH.";
                profile.Notes = notes;
                return run;
            }

            profile.Python = python;
            var version = VersionOf(python);
            profile.PythonVersion = version?.ToString();
            if (version is null)
            {
                profile.Problem = $"{python} cannot be run (expected a CPython {function.PythonVersion} interpreter).";
                profile.Notes = notes;
                return run;
            }

            if ($"{version.Major}.{version.Minor}" != function.PythonVersion)
            {
                notes.Add($"the interpreter is Python {version.Major}.{version.Minor} and the function's runtime {function.Runtime}: the profile is of {version.Major}.{version.Minor}");
            }

            try
            {
                run._workspace = FunctionWorkspace.Create(function, python);
            }
            catch (LabException e)
            {
                profile.Problem = e.Message;
                profile.Notes = notes;
                return run;
            }

            var workspace = run._workspace;
            profile.RanWrapper = workspace.Wrapper is not null;
            // Lambda: `wrapper python bootstrap.py`; ColdStart's wrapper inserts -X importtime itself, any other
            // wrapper gets it from us. -S: see bootstrap.py.
            // 3.14+: level 2 adds the cached rows that show lazy imports which saved nothing
            var importtime = version is { Major: 3, Minor: >= 14 } or { Major: > 3 } ? "importtime=2" : "importtime";
            profile.Argv = workspace.Wrapper is null ? [python, "-X", importtime, "-S", workspace.Bootstrap]
                : workspace.WrapperIsColdStarts ? [workspace.Wrapper, python, "-S", workspace.Bootstrap]
                : [workspace.Wrapper, python, "-X", importtime, "-S", workspace.Bootstrap];
            run._environment = LambdaEnvironment.Build(function, workspace, python, options.Environment);
            run._config = workspace.File("config.py");
            var config = new StringBuilder("{\n")
                .Append("  \"handler\": ").Append(PythonLiteral.String(function.Handler)).Append(",\n")
                .Append("  \"path\": ").Append(PythonLiteral.List(workspace.PythonPath)).Append(",\n")
                .Append("  \"preload\": ").Append(PythonLiteral.List(profile.Preload.Modules)).Append(",\n")
                .Append(CultureInfo.InvariantCulture, $"  \"timeout_ms\": {function.TimeoutSeconds * 1000},\n")
                .Append(CultureInfo.InvariantCulture, $"  \"memory_mb\": {function.MemoryMb},\n")
                .Append("  \"function_arn\": ").Append(PythonLiteral.String($"arn:aws:lambda:{function.Region ?? "us-east-1"}:000000000000:function:{function.LambdaName}")).Append(",\n");
            if (eventLiteral is not null)
            {
                config.Append("  \"event\": ").Append(eventLiteral).Append(",\n");
            }

            File.WriteAllText(run._config, config.Append("}\n").ToString(), new UTF8Encoding(false));
            profile.Notes = notes;
            return run;
        }

        // number: 1-based; a warm-up run, left out of the profile, has -1, -2…
        public LocalColdStart RunOne(int number, TimeSpan timeout)
        {
            var workspace = _workspace!;
            var resultPath = workspace.File(number > 0 ? $"result-{number}.txt" : $"warm-up-{-number}.txt");
            var environment = new Dictionary<string, string>(_environment, StringComparer.Ordinal)
            {
                ["COLDSTART_LAB_CONFIG"] = _config,
                ["COLDSTART_LAB_RESULT"] = resultPath,
                ["COLDSTART_LAB_REQUEST_ID"] = Guid.NewGuid().ToString(),
            };
            var output = ColdStartProcess.Run(Profile.Argv, workspace.TaskRoot, environment, timeout);
            var result = BootstrapResult.Read(resultPath);
            var coldStart = Describe(number, output, result, timeout);
            if (number > 0)
            {
                _coldStarts.Add(coldStart);
            }

            return coldStart;
        }

        public FunctionProfile Finish()
        {
            Profile.ColdStarts = _coldStarts;
            var completed = _coldStarts.Where(c => c.Completed).ToList();
            if (_coldStarts.Any(c => c.RowsAfterEnd > 0))
            {
                Profile.Notes = [.. Profile.Notes, $"{_coldStarts.Sum(c => c.RowsAfterEnd)} import rows printed after cold starts ended (interpreter shutdown, atexit handlers, processes the function started) are not in the profile"];
            }

            if (_coldStarts.Any(c => c.OutputLeftOpen))
            {
                Profile.Notes = [.. Profile.Notes, $"in {_coldStarts.Count(c => c.OutputLeftOpen)} cold starts a process the function started kept running after the interpreter exited; output it wrote later is not included"];
            }

            if (completed.Count > 0)
            {
                Profile.Log = string.Concat(completed.Select(c => c.Log));
                Profile.Parsed = LogParser.Parse(
                    LogSource.FromText($"{Profile.Function.Name} ({completed.Count} local cold start{(completed.Count == 1 ? "" : "s")})", Profile.Log),
                    new ParseOptions { HandlerModule = Profile.HandlerModule });
            }

            return Profile;
        }

        public void Dispose() => _workspace?.Dispose();

        private LocalColdStart Describe(int number, ProcessOutput output, BootstrapResult? result, TimeSpan timeout)
        {
            var (outcome, errorType, message) = (output.TimedOut, result) switch
            {
                (true, _) => (ColdStartOutcome.TimedOut, null,
                    $"did not finish within --timeout {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; the process tree was killed"
                    + (output.Stderr.Contains("\nREPORT RequestId: ", StringComparison.Ordinal) || output.Stderr.Contains("\nINIT_REPORT ", StringComparison.Ordinal)
                        ? " (the cold start itself had ended: the process did not exit, e.g. a non-daemon thread or a child process kept it alive)"
                        : "")),
                (false, null) => (ColdStartOutcome.Crashed, null,
                    $"the process exited with code {output.ExitCode} before the bootstrap finished" + (LastLine(output.Stderr) is { } last ? $": {last}" : "")),
                (false, { } r) when r["init_kind"] is { } kind => (ColdStartOutcome.InitFailed, kind, r["init_message"]),
                (false, { } r) when r["invoke_kind"] is { } kind => (ColdStartOutcome.InvokeFailed, kind, r["invoke_message"]),
                (false, { } r) => (r["outcome"] == "invoked" ? ColdStartOutcome.Invoked : ColdStartOutcome.Initialized, null, null),
            };
            var completed = outcome is ColdStartOutcome.Initialized or ColdStartOutcome.Invoked;
            var (log, rowsAfterEnd) = LambdaLog.Compose(Profile.Function.Runtime, Profile.PythonVersion ?? "", output.Stderr, completed);
            var prefix = outcome == ColdStartOutcome.InitFailed ? "init" : "invoke";
            return new LocalColdStart
            {
                Number = number,
                Outcome = outcome,
                WallMs = output.WallMs,
                ExitCode = output.ExitCode,
                ErrorType = errorType,
                ExceptionType = result?[prefix + "_type"],
                ErrorMessage = message,
                MissingModule = result?[prefix + "_module"],
                Frames = result?.All(prefix + "_frame") ?? [],
                OutputTail = completed ? [] : Tail(output),
                PreloadMissing = result?.All("preload_missing") ?? [],
                LoadedBeforeHandler = (result?["loaded_before_handler"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
                RowsAfterEnd = rowsAfterEnd,
                OutputLeftOpen = output.OutputLeftOpen,
                Log = log,
            };
        }

        private static IReadOnlyList<string> Tail(ProcessOutput output)
        {
            static bool Ours(string line) => line.StartsWith("import time:", StringComparison.Ordinal)
                || line.StartsWith("coldstart: importtime profile start; ", StringComparison.Ordinal)
                || line.StartsWith("START RequestId: ", StringComparison.Ordinal) || line.StartsWith("END RequestId: ", StringComparison.Ordinal)
                || line.StartsWith("REPORT RequestId: ", StringComparison.Ordinal) || line.StartsWith("INIT_REPORT ", StringComparison.Ordinal);
            return output.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Concat(output.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !Ours(l)))
                .TakeLast(10)
                .ToList();
        }

        private static string? LastLine(string text) =>
            text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => !l.StartsWith("import time:", StringComparison.Ordinal));
    }
}
