using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using ColdStart.Analysis;
using ColdStart.Bench;
using ColdStart.Bench.Logs;

// Library-level throughput: LogParser.Parse (and with --stages, ImportTimeReport.Build and the JSON renderer) in
// this process, on the same generated files as bench/CliEndToEnd (bench/RealisticLogs, one input directory).
// Usage: dotnet run -c Release --project bench/AnalysisThroughput -- [--size-mb 200] [--runs 3] [--shapes tail,json,raw,dense,enormous]
//          [--stages] [--histograms] [--seed 1] [--inputs DIR] [--python PATH]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var sizeMb = 200.0;
var runs = 3;
var shapes = LogShapes.All;
var stages = false;
var histograms = false;
var seed = 1;
string? inputs = null;
string? python = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--size-mb":
            sizeMb = double.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--runs":
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--shapes":
            shapes = args[++i].Split(',').Select(LogShapes.Parse).ToList();
            break;
        case "--stages":
            stages = true;
            break;
        case "--histograms":
            histograms = true;
            break;
        case "--seed":
            seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--inputs":
            inputs = args[++i];
            break;
        case "--python":
            python = args[++i];
            break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}; options: --size-mb N --runs N --shapes tail,json,raw,dense,enormous --stages --histograms --seed N --inputs DIR --python PATH");
            return 2;
    }
}

var catalog = new InputCatalog(inputs, python);
var render = typeof(ColdStart.Cli.ColdStartApp).Assembly.GetType("ColdStart.Cli.Rendering.JsonReportRenderer")?.GetMethod("Render", BindingFlags.Public | BindingFlags.Static)
             ?? throw new InvalidOperationException("ColdStart.Cli.Rendering.JsonReportRenderer.Render not found: update this benchmark");
Console.WriteLine($"runtime {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} CPUs, server GC {System.Runtime.GCSettings.IsServerGC}, "
                  + $"GC latency mode {System.Runtime.GCSettings.LatencyMode}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine($"inputs in {catalog.Directory} (captures: {catalog.CaptureSource}, seed {seed}; MB = 10^6 bytes)");

foreach (var shape in shapes)
{
    var log = catalog.Get(shape, sizeMb, seed);
    var megabytes = log.Bytes / 1e6;
    Console.WriteLine($"\n{shape.ShortName()}: {Path.GetFileName(log.Path)}, {megabytes:0.0} MB, {log.ColdStarts} cold starts, {log.ImportRows} import rows, {log.Reports} REPORTs, {log.Lines} lines");

    // warm-up: one full untimed pass, so tiered JIT has settled
    Run(log, stages);
    var speeds = new List<double>();
    for (var run = 1; run <= runs; run++)
    {
        var (parse, build, rendering, modelMb, result) = Run(log, stages);
        speeds.Add(megabytes / parse.Seconds);
        Console.WriteLine($"  run {run}: parse {parse.Seconds:0.000} s = {megabytes / parse.Seconds:0} MB/s, {log.ImportRows / parse.Seconds / 1e6:0.00} M rows/s "
                          + $"(thread CPU {parse.ThreadCpuSeconds:0.00} s; GC pauses {parse.GcPauseSeconds:0.000} s, gen0/1/2 {parse.Collections}; allocated {parse.AllocatedMb:0} MB); model kept {modelMb:0} MB; "
                          + $"{result.ColdStarts.Count} cold starts, {result.Skipped.Total} skipped");
        if (build is not null && rendering is not null)
        {
            Console.WriteLine($"         build report {build.Seconds:0.000} s (thread CPU {build.ThreadCpuSeconds:0.00} s; GC pauses {build.GcPauseSeconds:0.000} s, gen0/1/2 {build.Collections}; allocated {build.AllocatedMb:0} MB); "
                              + $"render JSON {rendering.Seconds:0.000} s (thread CPU {rendering.ThreadCpuSeconds:0.00} s; allocated {rendering.AllocatedMb:0} MB); peak working set so far {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB");
        }
    }

    speeds.Sort();
    Console.WriteLine($"  {shape.ShortName()}: parse median {speeds[(speeds.Count - 1) / 2]:0} MB/s over {runs} runs");
    if (histograms)
    {
        HistogramCensus.Print(LogParser.Parse(LogSource.FromFile(log.Path)));
    }
}

return 0;

(Measurement Parse, Measurement? Build, Measurement? Render, double ModelMb, ParseResult Result) Run(GeneratedLog log, bool withStages)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var before = GC.GetTotalMemory(forceFullCollection: true);
    ParseResult result = null!;
    var parse = Measurement.Of(() => result = LogParser.Parse(LogSource.FromFile(log.Path)));
    var model = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1e6;
    if (!withStages)
    {
        return (parse, null, null, model, result);
    }

    ImportTimeReport report = null!;
    var build = Measurement.Of(() => report = ImportTimeReport.Build(result));
    var rendering = Measurement.Of(() => render.Invoke(null, [report]));
    return (parse, build, rendering, model, result);
}
