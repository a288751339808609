using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.Json.Serialization;
using ColdStart.Constructs.Internal;
using ICSharpCode.SharpZipLib.Zip;

using ColdStart.Constructs.Tests.Support;

namespace ColdStart.Constructs.Tests.Wrapper;

/// <summary>
/// A temp folder holding the wrapper as the layer delivers it (taken out of the layer zip), a probe program
/// that reports its argv and flags as JSON, and a fake next wrapper for chaining.
/// </summary>
// Runs POSIX shells and interpreters: Linux and macOS only.
[UnsupportedOSPlatform("windows")]
internal sealed class WrapperSandbox : IDisposable
{
    public const string ProbeModule = "coldstart_probe";

    // Imports json and decimal so the profile has rows to find; exits with PROBE_EXIT_CODE.
    private const string ProbeSource = """
        import json
        import decimal
        import os
        import sys
        import tracemalloc

        print(json.dumps({
            "argv": sys.argv[1:],
            "dev_mode": bool(sys.flags.dev_mode),
            "tracemalloc": tracemalloc.get_traceback_limit() if tracemalloc.is_tracing() else 0,
            "chain_variable": os.environ.get("COLDSTART_CHAINED_WRAPPER"),
        }))
        sys.exit(int(os.environ.get("PROBE_EXIT_CODE", "0")))
        """;

    // Starts a plain child interpreter (no flags passed on), as code that shells out to Python does.
    private const string ChildProbeSource = """
        import subprocess
        import sys

        subprocess.run([sys.executable, "-c", "import fractions"], check=True)
        """;

    // Records its argv one per line, then runs the rest, as OpenTelemetry's /opt/otel-instrument does.
    private const string NextWrapperSource = """
        #!/bin/sh
        printf '%s\n' "$@" > "$CHAIN_RECORD"
        exec "$@"
        """;

    /// <summary>Takes the wrapper out of the layer zip that a synthesised stack with these options uploads.</summary>
    public WrapperSandbox(IReadOnlyList<string> xOptions)
        : this(Support.SynthesizedLayer.Zip(xOptions))
    {
    }

    /// <summary>Takes the wrapper out of a layer zip, e.g. the asset a synthesised stack references.</summary>
    public WrapperSandbox(byte[] layerZip)
    {
        Folder = Directory.CreateTempSubdirectory("coldstart-wrapper-test-").FullName;
        Wrapper = Path.Combine(Folder, WrapperScript.FileName);

        using (var zip = new ZipFile(new MemoryStream(layerZip)))
        {
            var entry = zip.GetEntry(WrapperScript.FileName) ?? throw new InvalidOperationException("the layer zip has no wrapper");
            using var input = zip.GetInputStream(entry);
            using var output = File.Create(Wrapper);
            input.CopyTo(output);
        }
        File.SetUnixFileMode(Wrapper, (UnixFileMode)Convert.ToInt32("755", 8));

        ProbeScript = Path.Combine(Folder, ProbeModule + ".py");
        File.WriteAllText(ProbeScript, ProbeSource.Replace("\r", ""));
        ChildProbeScript = Path.Combine(Folder, "coldstart_child_probe.py");
        File.WriteAllText(ChildProbeScript, ChildProbeSource.Replace("\r", ""));
        NextWrapper = Path.Combine(Folder, "next_wrapper");
        File.WriteAllText(NextWrapper, NextWrapperSource.Replace("\r", "") + "\n");
        File.SetUnixFileMode(NextWrapper, (UnixFileMode)Convert.ToInt32("755", 8));
        ChainRecord = Path.Combine(Folder, "chain_record.txt");
    }

    public string Folder { get; }

    public string Wrapper { get; }

    public string ProbeScript { get; }

    /// <summary>A script that runs <c>python -c "import fractions"</c> as a child process.</summary>
    public string ChildProbeScript { get; }

    public string NextWrapper { get; }

    public string ChainRecord { get; }

    /// <summary>The interpreter arguments (after argv[0]) for one of the three shapes Lambda launchers use.</summary>
    public IReadOnlyList<string> ShapeArguments(ArgvShape shape) => shape switch
    {
        ArgvShape.Script => [ProbeScript],
        ArgvShape.Unbuffered => ["-u", ProbeScript],
        ArgvShape.Module => ["-m", ProbeModule],
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    /// <summary>Starts the wrapper through <paramref name="launcher"/> as <c>wrapper python args…</c>.</summary>
    public ProcessResult Run(
        Launcher launcher,
        string python,
        IEnumerable<string> interpreterArguments,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var argv = new List<string> { python };
        argv.AddRange(interpreterArguments);
        return launcher.Shell is null
            ? ProcessRun.Start(Wrapper, argv, Folder, environment)
            : ProcessRun.Start(launcher.Shell, [.. launcher.ShellOptions, Wrapper, .. argv], Folder, environment);
    }

    public static Probe ReadProbe(ProcessResult result) =>
        JsonSerializer.Deserialize<Probe>(result.Stdout)
        ?? throw new InvalidOperationException($"no probe output in: {result.Stdout}");

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

public enum ArgvShape
{
    Script,
    Unbuffered,
    Module,
}

/// <summary>How the wrapper is started: executed directly (its shebang, as Lambda does) or by a named shell.</summary>
[UnsupportedOSPlatform("windows")]
public sealed record Launcher(string Name, string? Shell, params string[] ShellOptions)
{
    public static readonly Launcher Direct = new("exec via #!/bin/sh", null);

    /// <summary>
    /// Direct (the kernel runs the shebang's /bin/sh, as Lambda does), and when installed dash (Debian's /bin/sh)
    /// and bash in POSIX mode (Amazon Linux 2023's /bin/sh).
    /// </summary>
    public static IReadOnlyList<Launcher> Available()
    {
        var launchers = new List<Launcher> { Direct };
        if (Executables.OnPath("dash") is { } dash)
        {
            launchers.Add(new Launcher("dash", dash));
        }
        if (Executables.OnPath("bash") is { } bash)
        {
            launchers.Add(new Launcher("bash --posix", bash, "--posix"));
        }
        return launchers;
    }

    public override string ToString() => Name;
}

internal sealed record Probe(
    [property: JsonPropertyName("argv")] string[] Argv,
    [property: JsonPropertyName("dev_mode")] bool DevMode,
    [property: JsonPropertyName("tracemalloc")] int Tracemalloc,
    [property: JsonPropertyName("chain_variable")] string? ChainVariable);
