using System.Runtime.Versioning;
using Xunit;
namespace ColdStart.Constructs.Tests.Support;

/// <summary>Finds the CPython interpreters installed on this machine (pyenv first, python3 on PATH only without pyenv).</summary>
// Runs POSIX shells and interpreters: Linux and macOS only.
[UnsupportedOSPlatform("windows")]
internal static class LocalPython
{
    public static readonly string[] Versions = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];

    public static TheoryData<string> VersionData => new(Versions);

    private static readonly Lazy<(string Version, string Path)?> PathPython = new(FindOnPath);

    public static int Minor(string version) => int.Parse(version.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Absolute path of python<paramref name="version"/> (e.g. "3.11"), or null when it is not installed.</summary>
    public static string? Find(string version)
    {
        var root = PyenvRoot();
        if (root is null)
        {
            return PathPython.Value is { } onPath && onPath.Version == version ? onPath.Path : null;
        }
        var versions = Path.Combine(root, "versions");
        if (!Directory.Exists(versions))
        {
            return null;
        }
        return Directory.GetDirectories(versions, version + ".*")
            .Select(dir => (Dir: dir, Parsed: Version.TryParse(Path.GetFileName(dir), out var v) ? v : null))
            .Where(d => d.Parsed is not null)
            .OrderByDescending(d => d.Parsed)
            .Select(d => Path.Combine(d.Dir, "bin", "python" + version))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// <see cref="Find"/>, and when the version is missing a line in the test's output naming it, so a skipped version
    /// is visible (at least one must run: see WrapperRunTests).
    /// </summary>
    public static string? FindOrSaySkipped(string version, Xunit.Abstractions.ITestOutputHelper output)
    {
        var python = Find(version);
        if (python is null)
        {
            output.WriteLine($"python{version} is not installed (pyenv or PATH): skipped");
        }
        return python;
    }

    /// <summary>Every version from <see cref="Versions"/> that is installed.</summary>
    public static IReadOnlyList<string> Installed() => Versions.Where(v => Find(v) is not null).ToArray();

    /// <summary>pyenv's root: $PYENV_ROOT, else ~/.pyenv; null when neither exists.</summary>
    public static string? PyenvRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PYENV_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }
        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv");
        return Directory.Exists(home) ? home : null;
    }

    private static (string Version, string Path)? FindOnPath()
    {
        var python = Executables.OnPath("python3");
        if (python is null)
        {
            return null;
        }
        var result = ProcessRun.Start(python, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"]);
        return result.ExitCode == 0 ? (result.Stdout.Trim(), python) : null;
    }
}
