using System.Diagnostics;
using System.Globalization;

namespace ColdStart.Lab;

/// <summary>
/// Finds the CPython interpreters installed on this machine by minor version: pyenv's versions first
/// (<c>$PYENV_ROOT</c>, else <c>~/.pyenv</c>; the newest patch release of the minor), then <c>python3.X</c> on PATH,
/// then <c>python3</c> on PATH when its version is that minor. pyenv's shims are skipped (each start runs a shell script).
/// </summary>
public static class LocalPython
{
    /// <summary>The minor versions Lambda's managed Python runtimes and this project's tests cover, oldest first.</summary>
    public static IReadOnlyList<string> Versions { get; } = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];

    private static readonly Lazy<(string Version, string Path)?> Python3OnPath = new(() =>
        OnPath("python3") is { } python && VersionOf(python) is { } version ? ($"{version.Major}.{version.Minor}", python) : null);

    /// <summary>The interpreter of one minor version (e.g. <c>3.11</c>), or null when it is not installed.</summary>
    /// <param name="minorVersion">A version such as <c>3.13</c>.</param>
    public static string? Find(string minorVersion)
    {
        ArgumentNullException.ThrowIfNull(minorVersion);
        return FromPyenv(minorVersion)
            ?? OnPath("python" + minorVersion)
            ?? (Python3OnPath.Value is { } onPath && onPath.Version == minorVersion ? onPath.Path : null);
    }

    /// <summary>Every version of <see cref="Versions"/> that <see cref="Find"/> finds.</summary>
    public static IReadOnlyList<string> Installed() => Versions.Where(v => Find(v) is not null).ToArray();

    /// <summary><c>3.13</c> for <c>python3.13</c>; null for anything that is not <c>python3.N</c>.</summary>
    public static string? MinorVersionOf(string runtime) =>
        runtime.StartsWith("python3.", StringComparison.Ordinal) && int.TryParse(runtime.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? runtime[6..]
            : null;

    /// <summary>The minor number: 11 for <c>3.11</c>.</summary>
    public static int Minor(string minorVersion) => int.Parse(minorVersion.Split('.')[1], CultureInfo.InvariantCulture);

    /// <summary>pyenv's root: <c>$PYENV_ROOT</c>, else <c>~/.pyenv</c>; null when neither exists.</summary>
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

    /// <summary>The first executable file named <paramref name="name"/> on PATH outside pyenv's shims, or null.</summary>
    public static string? OnPath(string name)
    {
        var shims = PyenvRoot() is { } root ? Path.Combine(root, "shims") : null;
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(dir => shims is null || !string.Equals(Path.TrimEndingDirectorySeparator(dir), shims, StringComparison.Ordinal))
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(IsExecutableFile);
    }

    /// <summary>The version an interpreter reports (e.g. 3.13.0), or null when it cannot be run.</summary>
    public static Version? VersionOf(string python)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-S", "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var stdout = process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 && Version.TryParse(stdout.GetAwaiter().GetResult().Trim(), out var version) ? version : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string? FromPyenv(string minorVersion)
    {
        var versions = PyenvRoot() is { } root ? Path.Combine(root, "versions") : null;
        if (versions is null || !Directory.Exists(versions))
        {
            return null;
        }

        return Directory.GetDirectories(versions, minorVersion + ".*")
            .Select(dir => (Dir: dir, Parsed: Version.TryParse(Path.GetFileName(dir), out var v) ? v : null))
            .Where(d => d.Parsed is not null && $"{d.Parsed.Major}.{d.Parsed.Minor}" == minorVersion)
            .OrderByDescending(d => d.Parsed)
            .Select(d => Path.Combine(d.Dir, "bin", "python" + minorVersion))
            .FirstOrDefault(File.Exists);
    }

    private static bool IsExecutableFile(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
