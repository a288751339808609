using System.Globalization;
using ColdStart.Bench;
using ColdStart.Bench.Logs;

// The coldstart tool measured as a user runs it: the published tool, a child process per run, wall clock, CPU and
// peak RSS from the kernel, on generated realistic exports. See bench/README.md.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"CliEndToEnd: {e.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var catalog = new InputCatalog(options.Inputs, options.Python);
switch (options.Command)
{
    case "generate":
        foreach (var size in options.Sizes)
        {
            foreach (var shape in options.Shapes)
            {
                var log = catalog.Get(shape, size, options.Seed);
                Console.WriteLine(InputLine(log));
            }
        }

        return 0;

    case "verify":
        var failures = 0;
        foreach (var size in options.Sizes)
        {
            foreach (var (shape, initType) in options.Shapes.Select(s => (s, "on-demand")).Append((LogShape.AwsLogsTail, "provisioned-concurrency")))
            {
                var log = catalog.Get(shape, size, options.Seed, initType);
                var problems = GeneratedLogVerifier.Verify(log);
                Console.WriteLine($"{(problems.Count == 0 ? "ok  " : "FAIL")} {InputLine(log)}");
                foreach (var problem in problems)
                {
                    Console.WriteLine("       " + problem);
                }

                failures += problems.Count == 0 ? 0 : 1;
            }
        }

        return failures == 0 ? 0 : 1;

    default:
        return OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException("posix_spawn and wait4: Linux or macOS only") : new EndToEndRun(options, catalog).Run();
}

static string InputLine(GeneratedLog log) => string.Create(CultureInfo.InvariantCulture,
    $"{Path.GetFileName(log.Path),-44} {log.Bytes / 1e6,8:0.0} MB {log.ColdStarts,7} cold starts {log.ImportRows,9} rows {log.Reports,8} REPORTs {log.Lines,9} lines {log.BytesPerLine,5:0} B/line");
