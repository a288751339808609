using System.Diagnostics;

namespace ColdStart.Analysis.Tests.Support;

/// <summary>The tests' one way to run a program (an interpreter, the packed tool) and capture what it printed.</summary>
internal static class ProcessRunner
{
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
