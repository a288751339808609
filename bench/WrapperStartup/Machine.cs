using System.Globalization;
using System.Runtime.Versioning;

namespace ColdStart.Bench;

/// <summary>What the numbers depend on: CPU, /bin/sh, load, and the local CPython interpreters.</summary>
[UnsupportedOSPlatform("windows")]
internal static class Machine
{
    public static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";

    public static string BinSh()
    {
        var target = new FileInfo("/bin/sh").ResolveLinkTarget(returnFinalTarget: true);
        return target?.FullName ?? "/bin/sh (not a link)";
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The requested python3.X versions (default: the newest installed), from pyenv or python3 on PATH.</summary>
    public static IEnumerable<(string Version, string Path)> Pythons(IReadOnlyList<string> requested)
    {
        var root = Environment.GetEnvironmentVariable("PYENV_ROOT") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv");
        var installed = Directory.Exists(Path.Combine(root, "versions"))
            ? Directory.GetDirectories(Path.Combine(root, "versions"))
                .Select(dir => Version.TryParse(Path.GetFileName(dir), out var v) ? (Version: v, Dir: dir) : default)
                .Where(d => d.Version is { Major: 3 })
                .Select(d => (Minor: $"{d.Version.Major}.{d.Version.Minor}", d.Version, Path: Path.Combine(d.Dir, "bin", $"python{d.Version.Major}.{d.Version.Minor}")))
                .Where(d => File.Exists(d.Path))
                .GroupBy(d => d.Minor)
                .Select(g => g.MaxBy(d => d.Version))
                .OrderBy(d => d.Version)
                .ToArray()
            : [];
        if (installed.Length == 0)
        {
            var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
                .Select(dir => Path.Combine(dir, "python3")).FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException("no CPython found: neither pyenv versions nor python3 on PATH");
            yield return ("3 (PATH)", onPath);
            yield break;
        }
        if (requested.Count == 0)
        {
            yield return (installed[^1].Minor, installed[^1].Path);
            yield break;
        }
        foreach (var version in requested)
        {
            var match = installed.FirstOrDefault(d => d.Minor == version);
            if (match.Path is null)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"python{version} is not installed; found {string.Join(", ", installed.Select(d => d.Minor))}"));
            }
            yield return (match.Minor, match.Path);
        }
    }
}
