using System.Diagnostics;
using System.Globalization;
using ColdStart.Bench;
using ColdStart.Constructs.Internal;

// Start-up cost of the ColdStart wrapper: `python -X importtime -c pass` started directly vs through the
// wrapper (exec'd via its shebang, as Lambda does, and via named shells), interleaved, stderr on /dev/null.
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
        case "--runs" when i + 1 < args.Length: runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--warmup" when i + 1 < args.Length: warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: [--python 3.X]... [--runs N] [--warmup N]");
            return 2;
    }
}

var folder = Directory.CreateTempSubdirectory("coldstart-wrapper-bench-").FullName;
var wrapper = Path.Combine(folder, WrapperScript.FileName);
File.WriteAllText(wrapper, WrapperScript.Render(["importtime"]));
File.SetUnixFileMode(wrapper, (UnixFileMode)Convert.ToInt32("755", 8));
var environment = Spawn.CurrentEnvironment();

Console.WriteLine($"CPU: {Machine.CpuModel()} ({Environment.ProcessorCount} cores); /bin/sh -> {Machine.BinSh()}; load average before: {Machine.LoadAverage()}");
Console.WriteLine($"{runs} runs per variant after {warmup} warm-up rounds, interleaved in a shuffled order each round; stdout and stderr on /dev/null.");
try
{
    foreach (var (version, python) in Machine.Pythons(versions))
    {
        var variants = new List<Variant>
        {
            new("bare `python -c pass`", python, [python, "-c", "pass"]),
            new("direct `python -X importtime -c pass`", python, [python, "-X", "importtime", "-c", "pass"]),
            new("wrapper exec'd (shebang #!/bin/sh)", wrapper, [wrapper, python, "-c", "pass"]),
            new("`/bin/sh wrapper python -c pass`", "/bin/sh", ["/bin/sh", wrapper, python, "-c", "pass"]),
        };
        foreach (var shell in new[] { "/usr/bin/dash", "/bin/dash" }.Where(File.Exists).Take(1))
        {
            variants.Add(new Variant("`dash wrapper …`", shell, [shell, wrapper, python, "-c", "pass"]));
        }
        // Amazon Linux 2023's /bin/sh is bash, which runs in POSIX mode when started as "sh".
        foreach (var shell in new[] { "/usr/bin/bash", "/bin/bash" }.Where(File.Exists).Take(1))
        {
            variants.Add(new Variant("bash as sh (AL2023's /bin/sh)", shell, ["sh", wrapper, python, "-c", "pass"]));
        }

        Report($"python{version} ({python})", variants, baseline: variants[1], Measure(variants, runs, warmup));
    }

    // The wrapper's own cost without the interpreter's noise: the same exec chain ending in /bin/true.
    var truePath = new[] { "/usr/bin/true", "/bin/true" }.First(File.Exists);
    var isolated = new List<Variant>
    {
        new("`true` directly", truePath, [truePath]),
        new("wrapper exec'd, interpreter = `true`", wrapper, [wrapper, truePath]),
        new("`/bin/sh wrapper true`", "/bin/sh", ["/bin/sh", wrapper, truePath]),
    };
    foreach (var shell in new[] { "/usr/bin/bash", "/bin/bash" }.Where(File.Exists).Take(1))
    {
        isolated.Add(new Variant("bash as sh, interpreter = `true`", shell, ["sh", wrapper, truePath]));
    }
    Report($"wrapper cost in isolation (interpreter replaced by {truePath}, {runs * 5} runs)", isolated, baseline: isolated[0],
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
            var (exitCode, cpuMilliseconds) = Spawn.Run(variant.Path, variant.Argv, environment);
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

// Wall-clock time is what a cold start waits for; CPU time (user + system of the whole process) is
// what the wrapper itself costs, and is much less disturbed by other load on the machine.
static void Report(string title, List<Variant> variants, Variant baseline, Dictionary<Variant, (Stats Wall, Stats Cpu)> stats)
{
    var (wall, cpu) = stats[baseline];
    Console.WriteLine();
    Console.WriteLine(title);
    Console.WriteLine();
    Console.WriteLine($"| variant | wall mean ms | wall median ms | wall p90 ms | wall min ms | wall added vs {baseline.Name} (median / mean / min) | wall ratio (median) | CPU mean ms | CPU median ms | CPU added (median / mean) |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var variant in variants)
    {
        var (w, c) = stats[variant];
        var compared = variants.IndexOf(variant) > variants.IndexOf(baseline);
        var wallAdded = compared
            ? $"{w.Median - wall.Median:+0.00;-0.00} / {w.Mean - wall.Mean:+0.00;-0.00} / {w.Min - wall.Min:+0.00;-0.00} ms"
            : "–";
        var ratio = compared ? $"{w.Median / wall.Median:0.000}" : "–";
        var cpuAdded = compared ? $"{c.Median - cpu.Median:+0.00;-0.00} / {c.Mean - cpu.Mean:+0.00;-0.00} ms" : "–";
        Console.WriteLine($"| {variant.Name} | {w.Mean:0.00} | {w.Median:0.00} | {w.P90:0.00} | {w.Min:0.00} | {wallAdded} | {ratio} | {c.Mean:0.00} | {c.Median:0.00} | {cpuAdded} |");
    }
}

internal sealed record Variant(string Name, string Path, string[] Argv);
