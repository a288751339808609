using System.Diagnostics;
using System.Globalization;
using ColdStart.Bench;
using ColdStart.Lab;

// The lab's own cost per cold start, beyond the interpreter's work: the same handler imported by a bare
// `python -X importtime -S -c "import site; import app_eager"` (the interpreter's work, started and captured the same
// way) and by the lab (`coldstart profile`'s library: environment, bootstrap, result file, log, parse), interleaved
// round by round, medians. Each round runs the lab with N cold starts and with 1: the difference over N - 1 is the
// cost of one more cold start; what remains of the 1-cold-start run is the one-time setup per function (workspace,
// compiling the bootstrap). --preload none on both sides: preloading is the runtime client's work on Lambda.
// Besides wall time it counts CPU time (the children's from getrusage, this process's own), which other load on
// the machine moves much less.
// Usage: dotnet run -c Release --project bench/LabOverhead [-- --python 3.13 --rounds 15 --cold-starts 10]
if (OperatingSystem.IsWindows())
{
    Console.Error.WriteLine("The lab starts Python as Lambda does, with POSIX paths: run this benchmark on Linux or macOS.");
    return 2;
}

var version = LocalPython.Installed().LastOrDefault();
var rounds = 15;
var coldStarts = 10;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--python" when i + 1 < args.Length: version = args[++i]; break;
        case "--rounds" when i + 1 < args.Length: rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--cold-starts" when i + 1 < args.Length: coldStarts = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: [--python 3.X] [--rounds N] [--cold-starts N]");
            return 2;
    }
}

if (rounds < 1 || coldStarts < 2)
{
    Console.Error.WriteLine("--rounds must be 1 or more and --cold-starts 2 or more.");
    return 2;
}

if (version is null || LocalPython.Find(version) is not { } python)
{
    Console.Error.WriteLine($"python{version ?? "3.x"} is not installed (pyenv or PATH).");
    return 2;
}

var handler = Path.Combine(AppContext.BaseDirectory, "handler");
var function = new LambdaFunction { Name = "app_eager", Runtime = "python" + version, Handler = "app_eager.handler", CodePath = handler };
var options = new LabOptions { ColdStarts = coldStarts, WarmUp = 0, Preload = Preload.None };
var single = new LabOptions { ColdStarts = 1, WarmUp = 0, Preload = Preload.None };
var environment = new Dictionary<string, string> { ["PATH"] = Path.GetDirectoryName(python)! + ":/usr/bin:/bin", ["LANG"] = "en_US.UTF-8", ["PYTHONDONTWRITEBYTECODE"] = "1" };

double Bare()
{
    var info = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = handler };
    foreach (var argument in new[] { "-X", "importtime", "-S", "-c", "import site; import app_eager" })
    {
        info.ArgumentList.Add(argument);
    }

    info.Environment.Clear();
    foreach (var (name, value) in environment)
    {
        info.Environment[name] = value;
    }

    var clock = Stopwatch.StartNew();
    using var process = Process.Start(info)!;
    process.StandardInput.Close();
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEnd();
    process.WaitForExit();
    _ = stdout.Result;
    if (process.ExitCode != 0 || !stderr.Contains("| app_eager", StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"the bare run failed: {stderr}");
    }

    return clock.Elapsed.TotalMilliseconds;
}

// Warm-up: the OS file cache, and the JIT's tiered recompilation (a one-time cost of each coldstart run), both sides.
for (var i = 0; i < 5; i++)
{
    ColdStartLab.Profile([function], options);
    for (var j = 0; j < coldStarts; j++)
    {
        Bare();
    }
}

var bare = new List<double>();
var bareCpu = new List<double>();
var labCpu = new List<double>();
var labPerColdStart = new List<double>();
var setup = new List<double>();
var labProcess = new List<double>();
var loadBefore = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
for (var round = 0; round < rounds; round++)
{
    var (cpu0, self0) = (ChildCpu.Milliseconds(), Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds);
    var clock = Stopwatch.StartNew();
    var profile = ColdStartLab.Profile([function], options).Single();
    var many = clock.Elapsed.TotalMilliseconds;
    var (cpu1, self1) = (ChildCpu.Milliseconds(), Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds);
    clock.Restart();
    var one = ColdStartLab.Profile([function], single).Single();
    var first = clock.Elapsed.TotalMilliseconds;
    var (cpu2, self2) = (ChildCpu.Milliseconds(), Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds);
    labCpu.Add(((cpu1 - cpu0 + self1 - self0) - (cpu2 - cpu1 + self2 - self1)) / (coldStarts - 1));
    if (profile.Completed != coldStarts || one.Completed != 1)
    {
        throw new InvalidOperationException($"the lab's cold starts failed: {string.Join("; ", profile.ColdStarts.Concat(one.ColdStarts).Select(c => c.ErrorMessage))}");
    }

    var marginal = (many - first) / (coldStarts - 1);
    labPerColdStart.Add(marginal);
    setup.Add(first - marginal);
    labProcess.AddRange(profile.ColdStarts.Select(c => c.WallMs));
    var (bareCpu0, bareSelf0) = (ChildCpu.Milliseconds(), Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds);
    for (var i = 0; i <= coldStarts; i++)
    {
        bare.Add(Bare());
    }

    bareCpu.Add((ChildCpu.Milliseconds() - bareCpu0 + Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds - bareSelf0) / (coldStarts + 1));
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[(sorted.Length - 1) / 2];
}

var mBare = Median(bare);
var mLab = Median(labPerColdStart);
var mProcess = Median(labProcess);
Console.WriteLine($"python{version} ({python}); {Environment.ProcessorCount} cores; load average before: {loadBefore}");
Console.WriteLine($"{rounds} rounds, interleaved: the lab with {coldStarts} cold starts and with 1, and {coldStarts + 1} bare starts; medians.");
Console.WriteLine();
Console.WriteLine($"  bare `python -X importtime -S -c \"import site; import app_eager\"`, per start   {mBare,8:0.00} ms");
Console.WriteLine($"  lab, interpreter process only (bootstrap included), per cold start      {mProcess,8:0.00} ms   (+{mProcess - mBare:0.00} ms)");
Console.WriteLine($"  lab, one more cold start (env, process, results, log, parse)           {mLab,8:0.00} ms   (+{mLab - mBare:0.00} ms)");
Console.WriteLine($"  lab, once per function and run (workspace, compiling the bootstrap)  {Median(setup),8:0.00} ms");
Console.WriteLine();
Console.WriteLine($"  CPU time per start (interpreter + this process): bare {Median(bareCpu):0.00} ms, lab one more cold start {Median(labCpu):0.00} ms (+{Median(labCpu) - Median(bareCpu):0.00} ms)");
Console.WriteLine();
var overhead = mLab - mBare;
Console.WriteLine(overhead < 5
    ? $"Lab overhead per cold start: {overhead:0.00} ms (target: under 5 ms)."
    : $"Lab overhead per cold start: {overhead:0.00} ms: ABOVE the 5 ms target.");
return overhead < 5 ? 0 : 1;
