using System.Diagnostics;
using System.Globalization;
using ColdStart.Bench;
using ColdStart.Constructs.Internal;

// Start-up cost of the two ways ColdStart profiles a cold start, against the bare interpreter, in one interleaved run:
// the wrapper (exec'd via its shebang as Lambda does, and under dash and under bash as `sh`, Amazon Linux 2023's
// /bin/sh) and the environment variable PYTHONPROFILEIMPORTTIME=1 (no extra process). stdout and stderr on /dev/null.
// Usage: dotnet run -c Release --project bench/WrapperStartup [-- --python 3.13 --python 3.8 --runs 200 --warmup 20]
if (OperatingSystem.IsWindows())
{
    Console.Error.WriteLine("The wrapper is a POSIX sh script: run this benchmark on Linux or macOS.");
    return 2;
}

var versions = new List<string>();
var runs = 200;
var warmup = 20;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--python" when i + 1 < args.Length: versions.Add(args[++i]); break;
        case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r > 0: runs = r; i++; break;
        case "--warmup" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var w) && w >= 0: warmup = w; i++; break;
        default:
            Console.Error.WriteLine($"unknown argument or bad value at '{args[i]}'; usage: [--python 3.X]... [--runs N>0] [--warmup N>=0]");
            return 2;
    }
}

var folder = Directory.CreateTempSubdirectory("coldstart-wrapper-bench-").FullName;
var wrapper = Path.Combine(folder, WrapperScript.FileName);
File.WriteAllText(wrapper, WrapperScript.Render(["importtime"]));
File.SetUnixFileMode(wrapper, (UnixFileMode)Convert.ToInt32("755", 8));
// Variables that would change what the interpreter or the wrapper does are taken out of every variant's environment.
string[] scrubbed = ["PYTHONPROFILEIMPORTTIME", WrapperScript.ChainVariable, "AWS_LAMBDA_INITIALIZATION_TYPE"];
var plain = PosixSpawn.Environment(scrubbed, new Dictionary<string, string>());
var withVariable = PosixSpawn.Environment(scrubbed, new Dictionary<string, string> { ["PYTHONPROFILEIMPORTTIME"] = "1" });
var dash = new[] { "/usr/bin/dash", "/bin/dash" }.FirstOrDefault(File.Exists);
var bash = new[] { "/usr/bin/bash", "/bin/bash" }.FirstOrDefault(File.Exists);

Console.WriteLine($"CPU: {Machine.CpuModel()} ({Environment.ProcessorCount} cores); /bin/sh -> {Machine.BinSh()}; load average before: {Machine.LoadAverage()}");
Console.WriteLine($"{runs} runs per variant after {warmup} warm-up rounds, interleaved in a shuffled order each round; stdout and stderr on /dev/null.");
if (dash is null || bash is null)
{
    Console.WriteLine($"missing shell: {(dash is null ? "dash " : "")}{(bash is null ? "bash" : "")} (its variants are left out)");
}
try
{
    foreach (var (version, python) in Machine.Pythons(versions))
    {
        var bare = new Variant("bare `python -c pass`", python, [python, "-c", "pass"], plain);
        var direct = new Variant("`python -X importtime -c pass` (no wrapper)", python, [python, "-X", "importtime", "-c", "pass"], plain);
        var variants = new List<Variant>
        {
            bare,
            direct,
            new("environment variable `PYTHONPROFILEIMPORTTIME=1`", python, [python, "-c", "pass"], withVariable),
            new($"wrapper exec'd (shebang #!/bin/sh = {Path.GetFileName(Machine.BinSh())})", wrapper, [wrapper, python, "-c", "pass"], plain),
        };
        if (dash is not null)
        {
            variants.Add(new Variant("wrapper under dash", dash, [dash, wrapper, python, "-c", "pass"], plain));
        }
        if (bash is not null)
        {
            // Amazon Linux 2023's /bin/sh is bash, which runs in POSIX mode when started as "sh".
            variants.Add(new Variant("wrapper under bash as `sh` (AL2023's /bin/sh)", bash, ["sh", wrapper, python, "-c", "pass"], plain));
        }
        Report($"python{version} ({python})", variants, bare, direct, Measure(variants, runs, warmup));
    }

    // The wrapper's own cost without the interpreter's noise: the same exec chain ending in /bin/true.
    var truePath = new[] { "/usr/bin/true", "/bin/true" }.First(File.Exists);
    var alone = new Variant("`true` directly", truePath, [truePath], plain);
    var isolated = new List<Variant> { alone, new("wrapper exec'd, interpreter = `true`", wrapper, [wrapper, truePath], plain) };
    if (dash is not null)
    {
        isolated.Add(new Variant("wrapper under dash, interpreter = `true`", dash, [dash, wrapper, truePath], plain));
    }
    if (bash is not null)
    {
        isolated.Add(new Variant("wrapper under bash as `sh`, interpreter = `true`", bash, ["sh", wrapper, truePath], plain));
    }
    Report($"wrapper cost in isolation (interpreter replaced by {truePath}, {runs * 5} runs)", isolated, alone, reference: null,
        Measure(isolated, runs * 5, warmup));
}
finally
{
    Directory.Delete(folder, recursive: true);
}
Console.WriteLine();
Console.WriteLine($"load average after: {Machine.LoadAverage()}");
return 0;

Dictionary<Variant, (Stats Wall, Stats Cpu)> Measure(IReadOnlyList<Variant> variants, int count, int warmupRounds)
{
    var wall = variants.ToDictionary(v => v, _ => new List<double>(count));
    var cpu = variants.ToDictionary(v => v, _ => new List<double>(count));
    var random = new Random(20261125);
    for (var round = 0; round < warmupRounds + count; round++)
    {
        foreach (var variant in variants.OrderBy(_ => random.Next()))
        {
            var started = Stopwatch.GetTimestamp();
            var run = PosixSpawn.Run(variant.Path, variant.Argv, variant.Environment);
            var (exitCode, cpuMilliseconds) = (run.ExitCode, run.CpuSeconds * 1000);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"{variant.Name} exited with {exitCode}");
            }
            if (round >= warmupRounds)
            {
                wall[variant].Add(elapsed);
                cpu[variant].Add(cpuMilliseconds);
            }
        }
    }
    return variants.ToDictionary(v => v, v => (Stats.Of(wall[v]), Stats.Of(cpu[v])));
}

// Wall-clock time is what a cold start waits for; CPU time (user + system of the whole process, across its execs) is
// what the mechanism itself costs, and is much less disturbed by other load on the machine. Ratios and differences are
// taken at the median against the baseline; `reference` (the interpreter given -X importtime directly) separates the
// cost of profiling itself from the cost of the way it is switched on.
static void Report(string title, List<Variant> variants, Variant baseline, Variant? reference, Dictionary<Variant, (Stats Wall, Stats Cpu)> stats)
{
    var (baseWall, baseCpu) = stats[baseline];
    Console.WriteLine();
    Console.WriteLine(title);
    Console.WriteLine();
    var referenceHeader = reference is null ? "" : " wall added vs `-X importtime` (median) |";
    Console.WriteLine($"| variant | wall median ms | wall mean ms | wall p90 ms | wall min ms | wall ratio vs {baseline.Name} (median) | wall added (median / mean) |{referenceHeader} CPU median ms | CPU added (median) |");
    Console.WriteLine($"|---|---:|---:|---:|---:|---:|---:|{(reference is null ? "" : "---:|")}---:|---:|");
    foreach (var variant in variants)
    {
        var (w, c) = stats[variant];
        var isBaseline = variant == baseline;
        var ratio = isBaseline ? "–" : $"{w.Median / baseWall.Median:0.000}";
        var added = isBaseline ? "–" : $"{Signed(w.Median - baseWall.Median)} / {Signed(w.Mean - baseWall.Mean)} ms";
        var versusReference = reference is null ? ""
            : variant == baseline || variant == reference ? " – |"
            : $" {Signed(w.Median - stats[reference].Wall.Median)} ms |";
        var cpuAdded = isBaseline ? "–" : $"{Signed(c.Median - baseCpu.Median)} ms";
        Console.WriteLine($"| {variant.Name} | {w.Median:0.00} | {w.Mean:0.00} | {w.P90:0.00} | {w.Min:0.00} | {ratio} | {added} |{versusReference} {c.Median:0.00} | {cpuAdded} |");
    }
}

// A difference with its sign; one that rounds to zero is "±0.00" (a custom format's sections alone print "-+0.00" for it).
static string Signed(double difference)
{
    var rounded = Math.Round(difference, 2);
    return rounded == 0 ? "±0.00" : rounded.ToString("+0.00;-0.00", CultureInfo.InvariantCulture);
}

internal sealed record Variant(string Name, string Path, string[] Argv, IntPtr Environment);
