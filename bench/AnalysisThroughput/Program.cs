using System.Diagnostics;
using System.Globalization;
using ColdStart.Analysis;
using ColdStart.Bench;

// Throughput of LogParser on a synthetic CloudWatch export built from real CPython importtime output.
// Usage: dotnet run -c Release --project bench/AnalysisThroughput -- [--size-mb 1024] [--runs 3] [--shape json|text|both] [--python PATH] [--keep]
var sizeMb = 1024L;
var runs = 3;
var shapes = new[] { SyntheticExport.Shape.FilterLogEventsJson, SyntheticExport.Shape.AwsLogsTailText };
string? python = null;
var keep = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--size-mb":
            sizeMb = long.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--runs":
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--shape":
            shapes = args[++i] switch
            {
                "json" => [SyntheticExport.Shape.FilterLogEventsJson],
                "text" => [SyntheticExport.Shape.AwsLogsTailText],
                "both" => shapes,
                var other => throw new ArgumentException($"`--shape` must be json, text or both. Found {other}."),
            };
            break;
        case "--python":
            python = args[++i];
            break;
        case "--keep":
            keep = true;
            break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}; options: --size-mb N --runs N --shape json|text|both --python PATH --keep");
            return 2;
    }
}

python = ImportTimeCapture.FindPython(python);
var captures = ImportTimeCapture.Capture(python, 8);
Console.WriteLine($"captured {captures.Count} real profiles from {python} ({captures[0].Init.Length} init rows, {captures[0].Lazy.Length} lazy rows each)");
Console.WriteLine($"runtime {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} logical CPUs, server GC {System.Runtime.GCSettings.IsServerGC}, GC latency mode {System.Runtime.GCSettings.LatencyMode}");

foreach (var shape in shapes)
{
    var path = Path.Combine(Path.GetTempPath(), $"coldstart-bench-{shape}-{sizeMb}MB.{(shape == SyntheticExport.Shape.FilterLogEventsJson ? "json" : "log")}");
    var write = Stopwatch.StartNew();
    var (bytes, environments, events) = new SyntheticExport(captures).Write(path, shape, sizeMb << 20);
    Console.WriteLine($"\n{shape}: wrote {bytes / 1048576.0:0} MiB, {environments} environments, {events} events in {write.Elapsed.TotalSeconds:0.0} s -> {path}");

    // warm-up: one full untimed parse, so tiered JIT has settled
    Measure(path, bytes);
    var speeds = new List<double>();
    for (var run = 1; run <= runs; run++)
    {
        var m = Measure(path, bytes);
        speeds.Add(m.MiBPerSecond);
        Console.WriteLine($"  run {run}: {m.Seconds:0.00} s wall, {m.MiBPerSecond:0} MiB/s; parsing thread CPU {m.ThreadCpuSeconds:0.00} s = {bytes / 1048576.0 / m.ThreadCpuSeconds:0} MiB/s per core; "
                          + $"process CPU {m.ProcessCpuSeconds:0.00} s; GC pauses {m.GcPauseSeconds:0.00} s (gen0/1/2 {m.Collections}); "
                          + $"{m.ColdStarts} cold starts, {m.Invocations} invocations, {m.Lines} lines, {m.Skipped} skipped; "
                          + $"model kept {m.KeptBytes / 1048576.0:0} MiB; peak working set so far {m.PeakWorkingSet / 1048576.0:0} MiB");
    }

    speeds.Sort();
    Console.WriteLine($"  {shape}: median {speeds[speeds.Count / 2]:0} MiB/s over {runs} runs");
    if (!keep)
    {
        File.Delete(path);
    }
}

return 0;

static Measurement Measure(string path, long bytes)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var threadCpu = ThreadCpu.Seconds();
    var pause = GC.GetTotalPauseDuration();
    var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    var clock = Stopwatch.StartNew();
    var result = LogParser.Parse([LogSource.FromFile(path)]);
    clock.Stop();
    var thread = ThreadCpu.Seconds() - threadCpu;
    process.Refresh();
    var measurement = new Measurement(
        clock.Elapsed.TotalSeconds,
        bytes / 1048576.0 / clock.Elapsed.TotalSeconds,
        thread,
        (process.TotalProcessorTime - cpu).TotalSeconds,
        (GC.GetTotalPauseDuration() - pause).TotalSeconds,
        $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}",
        result.ColdStarts.Count,
        result.Invocations.Count,
        result.LinesRead,
        result.Skipped.Total,
        GC.GetTotalMemory(forceFullCollection: true),
        process.PeakWorkingSet64);
    GC.KeepAlive(result);
    return measurement;
}
