using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ColdStart.Bench.Logs;

/// <summary>
/// The benchmarks' inputs, in one directory so every benchmark reads the same files: the real CPython captures
/// (taken once, then reused, so a file is the same on every run with the same seed) and the generated files, each
/// with a manifest of what it holds. A file is generated when it is missing or its manifest does not match.
/// </summary>
public sealed class InputCatalog
{
    /// <summary>Runs of each import set captured (their timings differ run to run).</summary>
    public const int CaptureRuns = 3;

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };
    private readonly string? _python;
    private IReadOnlyList<CapturedProfile>? _profiles;

    /// <param name="directory">Where inputs live. Default: <see cref="DefaultDirectory"/>.</param>
    /// <param name="python">Interpreter to capture from. Default: pyenv's newest 3.x, else python3.</param>
    public InputCatalog(string? directory = null, string? python = null)
    {
        Directory = directory ?? DefaultDirectory;
        _python = python;
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The temp directory's <c>coldstart-bench</c>.</summary>
    public static string DefaultDirectory => Path.Combine(Path.GetTempPath(), "coldstart-bench");

    /// <summary>Where the inputs are.</summary>
    public string Directory { get; }

    /// <summary>Where the captures came from (interpreter path and version).</summary>
    public string CaptureSource => File.ReadAllText(Path.Combine(CaptureDirectory, "python.txt")).Trim();

    private string CaptureDirectory => Path.Combine(Directory, "captures");

    /// <summary>The captured profiles; captured on first use when the directory has none (and stale generated files removed).</summary>
    public IReadOnlyList<CapturedProfile> Profiles => _profiles ??= LoadOrCapture();

    /// <summary>
    /// The file of that shape and size (MB = 10^6 bytes), generated when missing. Lambda shapes take
    /// <paramref name="initType"/>; the others ignore it.
    /// </summary>
    public GeneratedLog Get(LogShape shape, double sizeMb, int seed = 1, string initType = "on-demand")
    {
        var lambda = shape is LogShape.AwsLogsTail or LogShape.FilterLogEventsJson or LogShape.DenseConsoleText;
        var suffix = lambda && initType != "on-demand" ? "-" + initType : "";
        var path = Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"{shape.ShortName()}-{sizeMb:0.###}MB-seed{seed}{suffix}.{shape.Extension()}"));
        var manifest = path + ".manifest.json";
        if (File.Exists(path) && File.Exists(manifest))
        {
            var known = JsonSerializer.Deserialize<GeneratedLog>(File.ReadAllText(manifest), ManifestJson);
            if (known is not null && known.GeneratorVersion == LogGenerator.Version && known.Bytes == new FileInfo(path).Length
                && known.Shape == shape && known.Seed == seed && known.Path == path)
            {
                return known;
            }
        }

        // written aside and renamed: a benchmark still reading the old file keeps reading it whole
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        var log = new LogGenerator(Profiles).Write(temporary, shape, (long)(sizeMb * 1_000_000), seed, initType) with { Path = path };
        File.WriteAllText(temporary + ".manifest", JsonSerializer.Serialize(log, ManifestJson));
        File.Move(temporary, path, overwrite: true);
        File.Move(temporary + ".manifest", manifest, overwrite: true);
        return log;
    }

    private List<CapturedProfile> LoadOrCapture()
    {
        var source = Path.Combine(CaptureDirectory, "python.txt");
        if (!File.Exists(source))
        {
            var python = ImportTimeCapture.FindPython(_python);
            var version = ImportTimeCapture.VersionOf(python);
            var runs = ImportTimeCapture.Run(python, CaptureRuns);
            System.IO.Directory.CreateDirectory(CaptureDirectory);
            foreach (var stale in System.IO.Directory.EnumerateFiles(Directory, "*.manifest.json"))
            {
                File.Delete(stale[..^".manifest.json".Length]);
                File.Delete(stale);
            }

            for (var i = 0; i < runs.Count; i++)
            {
                File.WriteAllText(Path.Combine(CaptureDirectory, string.Create(CultureInfo.InvariantCulture, $"set{runs[i].ImportSet}-run{i}.txt")), runs[i].Stderr);
            }

            File.WriteAllText(source, $"{python} {version}\n");
        }

        var pythonVersion = CaptureSource.Split(' ')[^1];
        return System.IO.Directory.GetFiles(CaptureDirectory, "set*-run*.txt")
            .Order(StringComparer.Ordinal)
            .Select(file => ImportTimeCapture.Parse(
                int.Parse(Path.GetFileName(file)[3..Path.GetFileName(file).IndexOf('-')], CultureInfo.InvariantCulture),
                pythonVersion,
                File.ReadAllText(file)))
            .ToList();
    }
}
