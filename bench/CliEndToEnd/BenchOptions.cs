using System.Globalization;
using ColdStart.Bench.Logs;

namespace ColdStart.Bench;

/// <summary>The command line of the end-to-end benchmark.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/CliEndToEnd -- [run|startup|verify|generate] [options]
          run (default)        publish the tool, generate the inputs, time every case
          startup              only the fixed cost: `--help` and the --fixed-mb report per start-up variant
                               (about a minute with --startup-runs 10)
          verify               generate the inputs and check the parser reads each exactly as written (0 skipped)
          generate             only write the inputs
        options:
          --runs N             timed runs of each case, interleaved (default 5)
          --sizes A,B          input sizes in MB = 10^6 bytes (default 20,200; verify: 1,20)
          --shapes S,…         tail, json, raw, dense, enormous (default all)
          --compare-mb N       size of each of the two compare inputs; 0 skips compare (default 100)
          --fixed-mb N         size of the fixed-cost input (default 1)
          --startup-runs N     runs of each start-up variant; 0 skips them (default 10)
          --no-probe           skip the extra run of each case with the runtime probe (JIT, GC figures)
          --seed N             generator seed (default 1)
          --inputs DIR         where generated inputs are kept (default $TMPDIR/coldstart-bench)
          --work DIR           publish and output directory (default $TMPDIR/coldstart-bench-work)
          --python PATH        CPython to capture -X importtime output from (default: pyenv's newest)
          --repo DIR           the source tree to publish the tool from (default: the repository around the current directory)
          --save-outputs DIR   keep each case's JSON output there (e.g. from a main-branch tree, as the golden outputs)
          --expect-outputs DIR fail a case whose output lacks or changes any value of the saved output in DIR
                               (added properties are fine; every other value must be written exactly the same)
        """;

    public string Command { get; init; } = "run";

    public int Runs { get; init; } = 5;

    public IReadOnlyList<double> Sizes { get; init; } = [20, 200];

    public IReadOnlyList<LogShape> Shapes { get; init; } = LogShapes.All;

    public double CompareMb { get; init; } = 100;

    public double FixedMb { get; init; } = 1;

    public int StartupRuns { get; init; } = 10;

    public bool Probe { get; init; } = true;

    public int Seed { get; init; } = 1;

    public string? Inputs { get; init; }

    public string Work { get; init; } = Path.Combine(Path.GetTempPath(), "coldstart-bench-work");

    public string? Python { get; init; }

    public string? Repository { get; init; }

    public string? SaveOutputs { get; init; }

    public string? ExpectOutputs { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        var i = 0;
        if (args.Length > 0 && !args[0].StartsWith('-'))
        {
            options = options with { Command = args[0] is "run" or "startup" or "verify" or "generate" ? args[0] : throw new ArgumentException($"unknown command '{args[0]}'") };
            i = 1;
            if (options.Command == "verify")
            {
                options = options with { Sizes = [1, 20] };
            }
        }

        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        int Int() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"{args[i - 1]} takes a whole number, found '{args[i]}'");
        double Number(string text) => double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v >= 0
            ? v
            : throw new ArgumentException($"{args[i - 1]} takes numbers ≥ 0, found '{text}'");

        for (; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--runs" => options with { Runs = Int() },
                "--sizes" => options with { Sizes = Value().Split(',').Select(Number).ToList() },
                "--shapes" => options with { Shapes = Value().Split(',').Select(LogShapes.Parse).ToList() },
                "--compare-mb" => options with { CompareMb = Number(Value()) },
                "--fixed-mb" => options with { FixedMb = Number(Value()) },
                "--startup-runs" => options with { StartupRuns = Int() },
                "--no-probe" => options with { Probe = false },
                "--seed" => options with { Seed = Int() },
                "--inputs" => options with { Inputs = Value() },
                "--work" => options with { Work = Value() },
                "--python" => options with { Python = Value() },
                "--repo" => options with { Repository = Path.GetFullPath(Value()) },
                "--save-outputs" => options with { SaveOutputs = Path.GetFullPath(Value()) },
                "--expect-outputs" => options with { ExpectOutputs = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }

        return options.Runs < 1 ? throw new ArgumentException("--runs must be 1 or more")
            : options.Command == "startup" && (options.FixedMb <= 0 || options.StartupRuns < 1) ? throw new ArgumentException("startup needs --fixed-mb and --startup-runs above 0")
            : options;
    }
}
