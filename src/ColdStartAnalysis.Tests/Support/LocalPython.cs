using System.Diagnostics;

namespace ColdStart.Analysis.Tests.Support;

/// <summary>The local CPython interpreters, as the product finds them (<see cref="ColdStart.Lab.LocalPython"/>), and a way to run one.</summary>
internal static class LocalPython
{
    public static IReadOnlyList<string> Versions => ColdStart.Lab.LocalPython.Versions;

    /// <summary>The interpreter of one minor version; null when not installed.</summary>
    public static string? Find(string version) => ColdStart.Lab.LocalPython.Find(version);

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
