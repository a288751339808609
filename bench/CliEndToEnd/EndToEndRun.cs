using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using ColdStart.Bench.Logs;

namespace ColdStart.Bench;

/// <summary>
/// Publishes the tool, generates the inputs, then runs every case N times, interleaved (round after round, so a
/// change in machine load hits every case alike), and prints medians with the load average they were taken under.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class EndToEndRun(BenchOptions options, InputCatalog catalog)
{
    private static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();
    private readonly string _outputs = Path.Combine(options.Work, "out");

    public int Run()
    {
        Directory.CreateDirectory(_outputs);
        var repository = options.Repository ?? ToolPublish.RepositoryRoot();
        if (options.SaveOutputs is { } save)
        {
            Directory.CreateDirectory(save);
        }
        Print($"# coldstart end to end, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Print($"machine: {MachineState.CpuModel()}, {Environment.ProcessorCount} CPUs; {RuntimeInformation.FrameworkDescription}; load average {MachineState.LoadAverages()}");
        Print($"repository: {repository} at {Git(repository, "rev-parse", "--short", "HEAD")}{(Git(repository, "status", "--porcelain").Length > 0 ? " (uncommitted changes)" : "")}");
        if (options.ExpectOutputs is { } expected)
        {
            Print($"every output is compared with the saved one in {expected}");
        }

        var startupOnly = options.Command == "startup";
        var reports = new List<CliCase>();
        foreach (var size in startupOnly ? [] : options.Sizes)
        {
            foreach (var shape in options.Shapes)
            {
                var log = catalog.Get(shape, size, options.Seed);
                reports.Add(CliCase.Report($"report {shape.ShortName()} {size:0.###} MB", log, shape, size));
            }
        }

        var cases = new List<CliCase>(reports);
        var fixedCost = options.FixedMb > 0 ? CliCase.Report($"report tail {options.FixedMb:0.###} MB (fixed cost)", catalog.Get(LogShape.AwsLogsTail, options.FixedMb, options.Seed), LogShape.AwsLogsTail, options.FixedMb) : null;
        if (fixedCost is not null)
        {
            cases.Add(fixedCost);
        }

        if (options.CompareMb > 0 && !startupOnly)
        {
            var lazy = catalog.Get(LogShape.AwsLogsTail, options.CompareMb, options.Seed);
            var prewarmed = catalog.Get(LogShape.AwsLogsTail, options.CompareMb, options.Seed + 1, "provisioned-concurrency");
            cases.Add(CliCase.Compare($"compare 2 × tail {options.CompareMb:0.###} MB", lazy, prewarmed));
        }

        Print($"\ninputs in {catalog.Directory} (captures: {catalog.CaptureSource}, seed {options.Seed}; MB = 10^6 bytes):\n");
        Print("| file | MB | cold starts | import rows | REPORTs | lines | bytes/line |");
        Print("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var log in cases.SelectMany(c => c.Inputs).Distinct())
        {
            Print($"| {Path.GetFileName(log.Path)} | {log.Bytes / 1e6:0.0} | {log.ColdStarts:N0} | {log.ImportRows:N0} | {log.Reports:N0} | {log.Lines:N0} | {log.BytesPerLine:0} |");
        }

        var tool = PublishShipped(repository);
        if (startupOnly)
        {
            Startup(repository, tool, fixedCost!);
            return Finish(cases);
        }

        Print($"\n## Runs ({options.Runs} per case, interleaved; `coldstart report FILE -f json -o OUT`)\n");
        Measure(tool, cases, options.Runs);
        PrintCases(cases);
        PrintFlatness(reports);
        PrintGoals(reports, fixedCost, cases.FirstOrDefault(c => c.IsCompare));

        if (options.Probe)
        {
            PrintProbe(tool, cases);
        }

        if (options.StartupRuns > 0 && fixedCost is not null)
        {
            Startup(repository, tool, fixedCost);
        }

        return Finish(cases);
    }

    private ToolBuild PublishShipped(string repository)
    {
        var stopwatch = Stopwatch.StartNew();
        var tool = new ToolBuild("shipped", ToolPublish.Publish(repository, ToolPublish.Shipped, Path.Combine(options.Work, "publish", ToolPublish.Shipped)), NoEnvironment);
        Print($"\npublished src/ColdStartCli as the {RuntimeInformation.RuntimeIdentifier} tool package holds it (Release, framework-dependent, the project's ReadyToRun setting) in {stopwatch.Elapsed.TotalSeconds:0} s: {tool.Executable}");
        return tool;
    }

    private int Finish(IReadOnlyList<CliCase> cases)
    {
        var results = Path.Combine(options.Work, $"results-{DateTimeOffset.UtcNow:yyyyMMdd'T'HHmmss}.json");
        File.WriteAllText(results, JsonSerializer.Serialize(cases.Select(c => new { c.Name, Inputs = c.Inputs.Select(i => i.Path), c.Bytes, c.Rows, c.Runs, c.Loads, c.Failure }), new JsonSerializerOptions { WriteIndented = true }));
        Print($"\nraw results: {results}; load average at the end {MachineState.LoadAverages()}");
        return cases.Any(c => c.Failure is not null) ? 1 : 0;
    }

    private void Measure(ToolBuild tool, IReadOnlyList<CliCase> cases, int runs, bool quiet = false)
    {
        for (var round = 0; round < runs; round++)
        {
            foreach (var c in cases.Where(c => c.Failure is null))
            {
                var output = Path.Combine(_outputs, c.Slug + ".json");
                var stderr = Path.Combine(_outputs, c.Slug + ".stderr");
                File.Delete(output);
                var load = MachineState.Load1();
                var run = ChildProcess.Run(tool.Executable, ["coldstart", .. c.Arguments(output)], tool.Environment, stderr);
                c.Failure = run.ExitCode != 0 ? $"exit {run.ExitCode}: {File.ReadAllText(stderr).Trim()}" : c.CheckOutput(output) ?? Golden(c, output);
                if (c.Failure is not null)
                {
                    Print($"  {c.Name} ({tool.Name}): FAILED, {c.Failure}");
                    continue;
                }

                c.Runs.Add(run);
                c.Loads.Add(load);
                if (!quiet)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  round {round + 1}: {c.Name}: {run.WallSeconds:0.000} s wall, {run.CpuSeconds:0.000} s CPU, {run.PeakRssBytes / 1e6:0} MB peak RSS (load {load:0.0})"));
                }
            }
        }
    }

    /// <summary>Saves the output as golden, or compares it with the saved one; null when there is nothing wrong.</summary>
    private string? Golden(CliCase c, string output)
    {
        if (!File.Exists(output))
        {
            return null;
        }

        if (options.SaveOutputs is { } save)
        {
            File.Copy(output, Path.Combine(save, c.Slug + ".json"), overwrite: true);
        }

        if (options.ExpectOutputs is not { } expect)
        {
            return null;
        }

        var saved = Path.Combine(expect, c.Slug + ".json");
        return !File.Exists(saved) ? $"no saved output {saved} to compare with"
            : GoldenOutput.FirstDifference(saved, output) is { } difference ? $"output differs from {saved}: {difference}"
            : null;
    }

    private static void PrintCases(IReadOnlyList<CliCase> cases)
    {
        Print("| case | input MB | import rows | wall s (median, min–max) | MB/s | rows/s | CPU s (user+sys) | CPU/wall | peak RSS MB | load avg |");
        Print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var c in cases.Where(c => c.Runs.Count > 0))
        {
            var wall = c.Median(r => r.WallSeconds);
            Print($"| {c.Name} | {c.Bytes / 1e6:0.0} | {c.Rows:N0} | {wall:0.000} ({c.Runs.Min(r => r.WallSeconds):0.000}–{c.Runs.Max(r => r.WallSeconds):0.000}) | "
                  + $"{c.Bytes / 1e6 / wall:0} | {c.Rows / wall / 1e6:0.00} M | {c.Median(r => r.CpuSeconds):0.000} | {c.Median(r => r.CpuSeconds) / wall:0.00} | "
                  + $"{c.Median(r => r.PeakRssBytes) / 1e6:0} | {c.Loads.Order().ElementAt(c.Loads.Count / 2):0.0} |");
        }
    }

    private static void PrintFlatness(IReadOnlyList<CliCase> reports)
    {
        var sizes = reports.Select(r => r.SizeMb).Distinct().Order().ToList();
        if (sizes.Count < 2)
        {
            return;
        }

        var (small, large) = (sizes[0], sizes[^1]);
        Print($"\n### Peak RSS, {large:0.###} MB vs {small:0.###} MB input (goal: ≤ 1.5×)\n");
        Print($"| shape | RSS at {small:0.###} MB | RSS at {large:0.###} MB | ratio |");
        Print("|---|---:|---:|---:|");
        foreach (var shape in reports.Select(r => r.Shape!.Value).Distinct())
        {
            var a = reports.FirstOrDefault(r => r.Shape == shape && r.SizeMb == small && r.Runs.Count > 0);
            var b = reports.FirstOrDefault(r => r.Shape == shape && r.SizeMb == large && r.Runs.Count > 0);
            if (a is not null && b is not null)
            {
                Print($"| {shape.ShortName()} | {a.Median(r => r.PeakRssBytes) / 1e6:0} MB | {b.Median(r => r.PeakRssBytes) / 1e6:0} MB | {b.Median(r => r.PeakRssBytes) / a.Median(r => r.PeakRssBytes):0.00}× |");
            }
        }
    }

    private static void PrintGoals(IReadOnlyList<CliCase> reports, CliCase? fixedCost, CliCase? compare)
    {
        Print("\n### Issue 8 goals, as measured in this run\n");
        var largest = reports.Where(r => r.Runs.Count > 0).GroupBy(r => r.Shape).Select(g => g.MaxBy(r => r.SizeMb)!).ToList();
        foreach (var r in largest.Where(r => r.Shape is LogShape.AwsLogsTail or LogShape.FilterLogEventsJson or LogShape.RawImportTime))
        {
            Goal($"{r.Name}: ≥ 250 MB/s", r.Bytes / 1e6 / r.Median(x => x.WallSeconds), 250, atLeast: true, "MB/s");
        }

        foreach (var r in largest)
        {
            Goal($"{r.Name}: peak RSS ≤ 150 MB", r.Median(x => x.PeakRssBytes) / 1e6, 150, atLeast: false, "MB");
        }

        if (compare is { Runs.Count: > 0 })
        {
            Goal($"{compare.Name}: ≤ 1 s", compare.Median(x => x.WallSeconds), 1, atLeast: false, "s");
            Goal($"{compare.Name}: ≤ 150 MB", compare.Median(x => x.PeakRssBytes) / 1e6, 150, atLeast: false, "MB");
        }

        if (fixedCost is { Runs.Count: > 0 })
        {
            Goal($"{fixedCost.Name}: ≤ 0.3 s CPU", fixedCost.Median(x => x.CpuSeconds), 0.3, atLeast: false, "s CPU");
        }

        static void Goal(string what, double value, double limit, bool atLeast, string unit) =>
            Print($"- {what}: {value:0.###} {unit} — {((atLeast ? value >= limit : value <= limit) ? "met" : "NOT met")}");
    }

    /// <summary>One more run of each case with the runtime probe loaded (not timed: the hook adds its own start-up).</summary>
    private void PrintProbe(ToolBuild tool, IReadOnlyList<CliCase> cases)
    {
        var probeFile = Path.Combine(_outputs, "probe.txt");
        var probe = new ToolBuild("probe", tool.Executable, new Dictionary<string, string>(tool.Environment)
        {
            ["DOTNET_STARTUP_HOOKS"] = Path.Combine(AppContext.BaseDirectory, "ProcessProbe.dll"),
            ["COLDSTART_PROBE_OUT"] = probeFile,
        });
        Print($"\n### Inside the process: {tool.Name} (one extra run each, with a startup hook reading the runtime's own counters)\n");
        Print("| case | CPU s | CPU before Main s | JIT methods | JIT time s (elapsed, all threads) | GC gen0/1/2 | GC pause s (elapsed) | allocated MB | GC heap at exit MB | peak working set MB |");
        Print("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|");
        foreach (var c in cases.Where(c => c.Failure is null))
        {
            File.Delete(probeFile);
            var copy = c.Copy();
            Measure(probe, [copy], 1, quiet: true);
            if (copy.Failure is not null || !File.Exists(probeFile))
            {
                Print($"| {c.Name} | probe failed: {copy.Failure ?? "no output"} |");
                continue;
            }

            var f = File.ReadAllText(probeFile).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim());
            Print($"| {c.Name} | {f["cpu_s"]} | {f["cpu_before_main_s"]} | {f["jit_methods"]} | {f["jit_s"]} | {f["gc0"]}/{f["gc1"]}/{f["gc2"]} | {f["gc_pause_s"]} | {f["allocated_mb"]} | {f["heap_mb"]} | {f["peak_working_set_mb"]} |");
        }
    }

    /// <summary>What start-up costs: the same fixed-cost report under publish and runtime variants.</summary>
    private void Startup(string repository, ToolBuild tool, CliCase fixedCost)
    {
        var portable = new ToolBuild("portable", ToolPublish.Publish(repository, ToolPublish.Portable, Path.Combine(options.Work, "publish", ToolPublish.Portable)), NoEnvironment);
        Dictionary<string, string> Env(params string[] pairs) => pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        // The tool's runtimeconfig.json turns dynamic PGO off (DOTNET_TieredPGO overrides it) and sets invariant globalization
        // (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT cannot override that).
        var variants = new List<ToolBuild>
        {
            tool with { Name = $"shipped (published as the {RuntimeInformation.RuntimeIdentifier} tool package is)" },
            tool with { Name = "shipped, DOTNET_TieredPGO=1 (dynamic PGO back on)", Environment = Env("DOTNET_TieredPGO=1") },
            tool with { Name = "shipped, DOTNET_TieredCompilation=0", Environment = Env("DOTNET_TieredCompilation=0") },
            tool with { Name = "shipped, DOTNET_ReadyToRun=0 (everything JIT-compiled, the framework too)", Environment = Env("DOTNET_ReadyToRun=0") },
            portable with { Name = "portable (the `any` package: IL only, JIT)" },
            portable with { Name = "portable, DOTNET_TieredPGO=1", Environment = Env("DOTNET_TieredPGO=1") },
        };

        var help = new CliCase("coldstart --help", [], null, 0, _ => ["--help"]);
        var perVariant = variants.Select(v => (Variant: v, Help: help.Copy(), Report: fixedCost.Copy())).ToList();
        for (var round = 0; round < options.StartupRuns; round++)
        {
            foreach (var (variant, helpCase, reportCase) in perVariant)
            {
                Measure(variant, [helpCase, reportCase], 1, quiet: true);
            }
        }

        if (options.Probe)
        {
            PrintProbe(variants[0], [help, fixedCost]);
            PrintProbe(variants[^2], [help, fixedCost]);
        }

        Print($"\n## Start-up: `coldstart --help` and `{fixedCost.Name}` per variant ({options.StartupRuns} runs each, interleaved; medians)\n");
        Print("| variant | --help CPU s | --help wall s | report CPU s | report wall s | report peak RSS MB | load avg |");
        Print("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (variant, helpCase, reportCase) in perVariant)
        {
            if (helpCase.Runs.Count == 0 || reportCase.Runs.Count == 0)
            {
                Print($"| {variant.Name} | failed: {helpCase.Failure ?? reportCase.Failure} |");
                continue;
            }

            Print($"| {variant.Name} | {helpCase.Median(r => r.CpuSeconds):0.000} | {helpCase.Median(r => r.WallSeconds):0.000} | {reportCase.Median(r => r.CpuSeconds):0.000} | "
                  + $"{reportCase.Median(r => r.WallSeconds):0.000} | {reportCase.Median(r => r.PeakRssBytes) / 1e6:0} | {reportCase.Loads.Order().ElementAt(reportCase.Loads.Count / 2):0.0} |");
        }
    }

    private static string Git(string repository, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = repository };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }

    private static void Print(string line) => Console.WriteLine(line);
}
