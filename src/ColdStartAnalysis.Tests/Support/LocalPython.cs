using System.Diagnostics;

namespace ColdStart.Analysis.Tests.Support;

/// <summary>Finds the local CPython interpreters: pyenv's versions, or <c>python3</c> on PATH when pyenv is absent.</summary>
internal static class LocalPython
{
    public static readonly string[] Versions = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];

    private static string PyenvRoot =>
        Environment.GetEnvironmentVariable("PYENV_ROOT") is { Length: > 0 } root
            ? root
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv");

    public static bool PyenvPresent => Directory.Exists(Path.Combine(PyenvRoot, "versions"));

    /// <summary>The interpreter of one minor version; null when not installed.</summary>
    public static string? Find(string version)
    {
        if (PyenvPresent)
        {
            return Directory.GetDirectories(Path.Combine(PyenvRoot, "versions"), version + ".*")
                .Select(dir => Path.Combine(dir, "bin", "python" + version))
                .Where(File.Exists)
                .Order(StringComparer.Ordinal)
                .LastOrDefault();
        }

        var onPath = Run("python3", ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], out var stdout, out _) == 0 ? stdout.Trim() : null;
        return onPath == version ? "python3" : null;
    }

    public static int Run(string exe, IEnumerable<string> args, out string stdout, out string stderr, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdoutTask = process.StandardOutput.ReadToEndAsync();
            stderr = process.StandardError.ReadToEnd();
            stdout = stdoutTask.Result;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            stdout = "";
            stderr = e.Message;
            return -1;
        }
    }
}
