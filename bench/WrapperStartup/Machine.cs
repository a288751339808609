using System.Globalization;
using System.Runtime.Versioning;
using ColdStart.Lab;

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

    /// <summary>The requested python3.X versions (default: the newest installed), found as the lab finds them (pyenv, then PATH).</summary>
    public static IEnumerable<(string Version, string Path)> Pythons(IReadOnlyList<string> requested)
    {
        var installed = LocalPython.Installed();
        if (installed.Count == 0)
        {
            throw new InvalidOperationException($"no CPython found: none of python{string.Join(", python", LocalPython.Versions)} in pyenv or on PATH");
        }

        foreach (var version in requested.Count == 0 ? [installed[^1]] : requested)
        {
            yield return (version, LocalPython.Find(version) ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"python{version} is not installed; found {string.Join(", ", installed)}")));
        }
    }
}
