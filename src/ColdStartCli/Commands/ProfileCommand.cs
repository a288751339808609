using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using ColdStart.Cli.Internal;
using ColdStart.Cli.Rendering;
using ColdStart.Cli.Rendering.Internal;
using ColdStart.Lab;

namespace ColdStart.Cli.Commands;

/// <summary>
/// <c>coldstart profile [CLOUD_ASSEMBLY_DIR]</c> or <c>coldstart profile --code DIR|ZIP --handler M.F</c>: runs the
/// functions' cold starts on local CPython and prints the same report as <c>coldstart report</c>, with CI gates.
/// </summary>
internal static partial class ProfileCommand
{
    public static Command Create(CliConsole console)
    {
        var assembly = new Argument<string?>("CLOUD_ASSEMBLY_DIR")
        {
            Description = "A cloud assembly written by cdk synth (a folder with manifest.json, e.g. cdk.out or cdk.out/assembly-Dev): every Python function in every stack and stage. Default: cdk.out, unless --code is given.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var code = new Option<string?>("--code") { Description = "Profile one function from its code instead of a cloud assembly: a folder or a zip file (SAM, Terraform, plain zips). Needs --handler.", HelpName = "DIR|ZIP" };
        var handler = new Option<string?>("--handler") { Description = "With --code: the handler, module.function (the module dotted or under a folder: pkg/app.handler).", HelpName = "MODULE.FUNCTION" };
        var runtime = new Option<string>("--runtime") { Description = "With --code: the Lambda runtime, python3.8 or newer.", DefaultValueFactory = _ => "python3.13", HelpName = "pythonX.Y" };
        var layers = new Option<string[]>("--layer") { Description = "With --code: a layer, as a folder or zip file holding python/ (repeatable; later layers win, as in /opt). Default: none.", HelpName = "DIR|ZIP", AllowMultipleArgumentsPerToken = false };
        var environment = new Option<string[]>("--env") { Description = "An environment variable for every function, after the template's own (repeatable). Default: none.", HelpName = "NAME=VALUE", AllowMultipleArgumentsPerToken = false };
        var functions = new Option<string[]>("--function") { Description = "Only the functions whose construct path has these segments or whose logical id is this (* and ? match within a segment; repeatable). Default: every Python function.", HelpName = "PATTERN", AllowMultipleArgumentsPerToken = false };
        var coldStarts = new Option<int>("--cold-starts") { Description = "Cold starts per function, each in a fresh interpreter (1-1000).", DefaultValueFactory = _ => 5, HelpName = "N" };
        var warmUp = new Option<int>("--warm-up") { Description = "Cold starts run first and left out of the report, so files are in the OS cache (0-100).", DefaultValueFactory = _ => 1, HelpName = "N" };
        var eventFile = new Option<string?>("--event") { Description = "A JSON event: the handler is invoked once per cold start with it, so lazy (handler-phase) imports are measured. Default: none (init only).", HelpName = "FILE" };
        var python = new Option<string?>("--python") { Description = "The interpreter for every function. Default: the CPython of each function's runtime version, from pyenv or PATH.", HelpName = "PATH" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one cold start may take, from process start to exit; then its process tree is killed.", DefaultValueFactory = _ => 30, HelpName = "SECONDS" };
        var preload = new Option<string>("--preload") { Description = "Modules imported before the handler, as Lambda's runtime client does: auto (its imports for the runtime), none, or from:LOGFILE (those of a real cold start in an exported log).", DefaultValueFactory = _ => "auto", HelpName = "auto|none|from:LOGFILE" };
        var format = SharedOptions.Format("text", "markdown", "json", "html");
        var output = SharedOptions.Output();
        var saveLogs = new Option<string?>("--save-logs") { Description = "Also write each function's Lambda-shaped log (what coldstart report and compare read) to DIR/<function>.log; existing files are not overwritten. Default: none.", HelpName = "DIR" };
        var budget = new Option<double?>("--budget-ms") { Description = "CI gate: exit 1 when the --budget-metric of a function exceeds this many ms. Default: no budget.", HelpName = "MS" };
        var budgetMetric = new Option<string>("--budget-metric")
        {
            Description = "What --budget-ms limits: init-imports-p50 (median init-phase import time per cold start) or init-duration-p90 (p90 of Init Duration).",
            DefaultValueFactory = _ => ImportGates.InitImportsP50,
        };
        budgetMetric.AcceptOnlyFromAmong(ImportGates.InitImportsP50, ImportGates.InitDurationP90);
        var maxModule = new Option<string[]>("--max-module-ms") { Description = "CI gate: exit 1 when MODULE's median cumulative import time exceeds MS (repeatable). Default: none.", HelpName = "MODULE=MS", AllowMultipleArgumentsPerToken = false };
        var forbid = new Option<string[]>("--forbid-at-init") { Description = "CI gate: exit 1 when MODULE or a submodule is imported during init in any cold start (repeatable). Default: none.", HelpName = "MODULE", AllowMultipleArgumentsPerToken = false };
        var baseline = new Option<string?>("--baseline") { Description = "CI gate: a JSON report to compare with (coldstart profile -f json or coldstart report -f json); needs --max-regression-ms and/or --max-regression-pct. Default: none.", HelpName = "REPORT.json" };
        var maxRegressionMs = new Option<double?>("--max-regression-ms") { Description = "With --baseline: exit 1 when a module's median grew by more than MS. Default: none.", HelpName = "MS" };
        var maxRegressionPct = new Option<double?>("--max-regression-pct") { Description = "With --baseline: exit 1 when a module's median grew by more than P percent (with --max-regression-ms: by more than both). Default: none.", HelpName = "P" };

        var command = new Command("profile", "Run functions' cold starts on local CPython, from a cloud assembly (cdk.out) or a code folder or zip, each in a fresh interpreter started as Lambda starts it, and report where import time goes, as coldstart report does; with CI gates.")
        {
            assembly, code, handler, runtime, layers, environment, functions, coldStarts, warmUp, eventFile, python, timeout, preload,
            format, output, saveLogs, budget, budgetMetric, maxModule, forbid, baseline, maxRegressionMs, maxRegressionPct,
        };

        command.SetAction(parsed => ColdStartApp.Guard(console, "profile", () =>
        {
            try
            {
                var outputFormat = SharedOptions.ParseFormat(parsed.GetValue(format)!);
                var outputPath = parsed.GetValue(output);
                // what the run reads: the assembly or code and layers (folders), the event, the baseline, a preload log
                string?[] read =
                [
                    parsed.GetValue(assembly), parsed.GetValue(code), .. parsed.GetValue(layers) ?? [], parsed.GetValue(eventFile), parsed.GetValue(baseline),
                    parsed.GetValue(preload) is { } p && p.StartsWith("from:", StringComparison.Ordinal) ? p["from:".Length..] : null,
                ];
                var inputs = read.OfType<string>().ToList();
                SharedOptions.CheckOutput(outputPath, inputs);
                if (outputFormat == OutputFormat.Html && outputPath is null && !console.IsOutputRedirected)
                {
                    throw new UsageException("--format html writes a whole HTML page: give --output FILE, or redirect standard output to a file.");
                }

                var (toRun, skipped, notes) = Functions(parsed, assembly, code, handler, runtime, layers, functions);
                var gates = Gates(parsed, budget, budgetMetric, maxModule, forbid, baseline, maxRegressionMs, maxRegressionPct);
                var options = Options(parsed, console, coldStarts, warmUp, eventFile, python, timeout, preload, environment);

                var profiles = ColdStartLab.Profile(toRun, options).Select(p => new ProfiledFunction(p)).ToList();
                var text = outputFormat switch
                {
                    OutputFormat.Markdown => MarkdownProfileRenderer.Render(profiles, skipped, notes),
                    OutputFormat.Json => JsonProfileRenderer.Render(profiles, skipped, notes),
                    OutputFormat.Html => HtmlProfileRenderer.Render(profiles, skipped, notes),
                    _ => TextProfileRenderer.Render(profiles, skipped, notes),
                };
                SharedOptions.Emit(text, outputPath, console, inputs);
                if (parsed.GetValue(saveLogs) is { } logFolder)
                {
                    SaveLogs(profiles, logFolder);
                }

                return Verdict(profiles, skipped, gates, console);
            }
            catch (LabException e)
            {
                throw new UsageException(e.Message);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message.Split(" (Parameter '", 2)[0]);
            }
        }));
        return command;
    }

    private static void SaveLogs(IReadOnlyList<ProfiledFunction> profiles, string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var f in profiles.Where(f => f.Profile.Log.Length > 0))
            {
                var path = Path.Combine(folder, string.Concat(f.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')) + ".log");
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(file, new System.Text.UTF8Encoding(false));
                writer.Write(f.Profile.Log);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--save-logs: cannot write into '{folder}': {e.Message} (existing logs are never overwritten: choose an empty folder).");
        }
    }

    /// <summary>Problems and gate verdicts on stderr, one line each; the exit code.</summary>
    private static int Verdict(IReadOnlyList<ProfiledFunction> profiles, IReadOnlyList<SkippedFunction> skipped, ImportGates gates, CliConsole console)
    {
        var incomplete = false;
        if (profiles.Count == 0)
        {
            console.Error.WriteLine($"coldstart profile: no Python function to run{(skipped.Count > 0 ? $" ({skipped.Count} skipped: {string.Join("; ", skipped.Select(s => $"{s.Name}: {s.Reason}"))})" : "")}.");
            return ExitCodes.UsageError;
        }

        foreach (var f in profiles)
        {
            if (f.Profile.Problem is { } problem)
            {
                console.Error.WriteLine($"coldstart profile: {f.Name}: not run: {problem}");
                incomplete = true;
            }

            if (f.Profile.UnaccountedProfiles > 0)
            {
                console.Error.WriteLine($"coldstart profile: {f.Name}: {ImportGates.UnaccountedProfilesProblem(f.Profile)}.");
                incomplete = true;
            }

            foreach (var failure in ProfileText.Failures(f.Profile))
            {
                console.Error.WriteLine($"coldstart profile: {f.Name}: {failure}");
                incomplete = true;
            }
        }

        if (!gates.Any)
        {
            return incomplete ? ExitCodes.UsageError : ExitCodes.Success;
        }

        var breaches = 0;
        var unevaluated = 0;
        var checks = 0;
        foreach (var f in profiles)
        {
            var current = f.Report is null ? null : ReportDocument.Parse(JsonProfileRenderer.FunctionDocument(f, [], []), f.Name).Functions[0];
            var result = gates.Evaluate(f.Profile, current);
            checks += result.Checks;
            foreach (var breach in result.Breaches)
            {
                console.Error.WriteLine($"coldstart profile: gate failed: {f.Name}: {breach}");
            }

            foreach (var reason in result.CannotEvaluate)
            {
                console.Error.WriteLine($"coldstart profile: gate cannot be evaluated: {f.Name}: {reason}");
            }

            breaches += result.Breaches.Count;
            unevaluated += result.CannotEvaluate.Count;
        }

        if (breaches == 0 && unevaluated == 0)
        {
            console.Error.WriteLine($"coldstart profile: gates met: {checks} check{(checks == 1 ? "" : "s")} over {profiles.Count} function{(profiles.Count == 1 ? "" : "s")}.");
        }

        return unevaluated > 0 || incomplete ? ExitCodes.UsageError : breaches > 0 ? ExitCodes.BudgetExceeded : ExitCodes.Success;
    }

    private static (IReadOnlyList<LambdaFunction> Functions, IReadOnlyList<SkippedFunction> Skipped, IReadOnlyList<string> Notes) Functions(
        ParseResult parsed, Argument<string?> assembly, Option<string?> code, Option<string?> handler, Option<string> runtime,
        Option<string[]> layers, Option<string[]> functions)
    {
        var codePath = parsed.GetValue(code);
        var patterns = parsed.GetValue(functions) ?? [];
        if (codePath is null)
        {
            foreach (var (option, given) in new[] { ("--handler", parsed.GetResult(handler) is not null), ("--runtime", parsed.GetResult(runtime) is { Implicit: false }), ("--layer", (parsed.GetValue(layers) ?? []).Length > 0) })
            {
                if (given)
                {
                    throw new UsageException($"{option} describes a function given with --code; with a cloud assembly the template says it.");
                }
            }

            var directory = parsed.GetValue(assembly) ?? "cdk.out";
            var read = CloudAssembly.Read(directory);
            var (selected, skipped) = read.Select(patterns);
            return (selected, skipped, read.Notes);
        }

        if (parsed.GetValue(assembly) is { } both)
        {
            throw new UsageException($"give a cloud assembly ('{both}') or --code, not both.");
        }

        if (patterns.Length > 0)
        {
            throw new UsageException("--function picks functions from a cloud assembly; with --code there is one function.");
        }

        var handlerValue = parsed.GetValue(handler) ?? throw new UsageException("--code needs --handler MODULE.FUNCTION (e.g. app.handler).");
        if (!HandlerPattern().IsMatch(handlerValue))
        {
            throw new UsageException($"--handler: '{handlerValue}' is not module.function (e.g. app.handler, or pkg/app.handler for a module in a folder).");
        }

        var runtimeValue = parsed.GetValue(runtime)!;
        if (LocalPython.MinorVersionOf(runtimeValue) is not { } version || LocalPython.Minor(version) < 8)
        {
            throw new UsageException($"--runtime: '{runtimeValue}' is not a Python runtime the lab runs (expected python3.8 or newer, e.g. python3.13).");
        }

        var full = Path.GetFullPath(codePath);
        var name = Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(full));
        return ([new LambdaFunction
        {
            Name = name,
            Runtime = runtimeValue,
            Handler = handlerValue,
            CodePath = full,
            LayerPaths = (parsed.GetValue(layers) ?? []).Select(Path.GetFullPath).ToList(),
        }], [], []);
    }

    private static LabOptions Options(ParseResult parsed, CliConsole console, Option<int> coldStarts, Option<int> warmUp, Option<string?> eventFile,
        Option<string?> python, Option<double> timeout, Option<string> preload, Option<string[]> environment)
    {
        var count = parsed.GetValue(coldStarts);
        if (count is < 1 or > 1000)
        {
            throw new UsageException($"--cold-starts must be between 1 and 1000. Found {count}.");
        }

        var warm = parsed.GetValue(warmUp);
        if (warm is < 0 or > 100)
        {
            throw new UsageException($"--warm-up must be between 0 and 100. Found {warm}.");
        }

        var seconds = parsed.GetValue(timeout);
        if (!(seconds > 0) || seconds > 3600)
        {
            throw new UsageException($"--timeout must be more than 0 and at most 3600 seconds. Found {seconds.ToString(CultureInfo.InvariantCulture)}.");
        }

        string? eventJson = null;
        if (parsed.GetValue(eventFile) is { } eventPath)
        {
            try
            {
                eventJson = eventPath == "-" ? new StreamReader(console.OpenStdin()).ReadToEnd() : File.ReadAllText(eventPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new UsageException($"--event: cannot read '{eventPath}': {e.Message} (expected a JSON file, or - for standard input).");
            }
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in parsed.GetValue(environment) ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"--env: '{pair}' is not NAME=VALUE.");
            }

            variables[pair[..equals]] = pair[(equals + 1)..];
        }

        return new LabOptions
        {
            ColdStarts = count,
            WarmUp = warm,
            EventJson = eventJson,
            Python = parsed.GetValue(python),
            Timeout = TimeSpan.FromSeconds(seconds),
            Preload = Preload.Parse(parsed.GetValue(preload)!),
            Environment = variables,
            Progress = console.IsErrorRedirected ? null : line => console.Error.WriteLine($"coldstart profile: {line}"),
        };
    }

    private static ImportGates Gates(ParseResult parsed, Option<double?> budget, Option<string> budgetMetric, Option<string[]> maxModule,
        Option<string[]> forbid, Option<string?> baseline, Option<double?> maxRegressionMs, Option<double?> maxRegressionPct)
    {
        var budgetMs = parsed.GetValue(budget);
        if (budgetMs is { } b && !(b >= 0))
        {
            throw new UsageException($"--budget-ms must be 0 or more. Found {b.ToString(CultureInfo.InvariantCulture)}.");
        }

        var limits = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var pair in parsed.GetValue(maxModule) ?? [])
        {
            var equals = pair.LastIndexOf('=');
            if (equals <= 0 || !ModulePattern().IsMatch(pair[..equals])
                || !double.TryParse(pair[(equals + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) || !(ms >= 0))
            {
                throw new UsageException($"--max-module-ms: '{pair}' is not MODULE=MS (e.g. boto3=50, a module name and a number of ms, 0 or more).");
            }

            limits[pair[..equals]] = ms;
        }

        var forbidden = parsed.GetValue(forbid) ?? [];
        foreach (var module in forbidden.Where(m => !ModulePattern().IsMatch(m)))
        {
            throw new UsageException($"--forbid-at-init: '{module}' is not a module name (e.g. sqlite3 or xml.etree).");
        }

        var regressionMs = parsed.GetValue(maxRegressionMs);
        var regressionPct = parsed.GetValue(maxRegressionPct);
        foreach (var (option, value) in new[] { ("--max-regression-ms", regressionMs), ("--max-regression-pct", regressionPct) })
        {
            if (value is { } v && !(v >= 0))
            {
                throw new UsageException($"{option} must be 0 or more. Found {v.ToString(CultureInfo.InvariantCulture)}.");
            }
        }

        var baselinePath = parsed.GetValue(baseline);
        if (baselinePath is not null && regressionMs is null && regressionPct is null)
        {
            throw new UsageException("--baseline needs --max-regression-ms and/or --max-regression-pct: how much growth is allowed.");
        }

        if (baselinePath is null && (regressionMs is not null || regressionPct is not null))
        {
            throw new UsageException("--max-regression-ms and --max-regression-pct compare with --baseline REPORT.json: give it.");
        }

        return new ImportGates
        {
            BudgetMs = budgetMs,
            BudgetMetric = parsed.GetValue(budgetMetric)!,
            MaxModuleMs = limits,
            ForbidAtInit = forbidden,
            Baseline = baselinePath is null ? null : ReportDocument.Read(baselinePath),
            MaxRegressionMs = regressionMs,
            MaxRegressionPercent = regressionPct,
        };
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*([./][A-Za-z_][A-Za-z0-9_]*)*\.[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex HandlerPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*\z")]
    private static partial Regex ModulePattern();
}
