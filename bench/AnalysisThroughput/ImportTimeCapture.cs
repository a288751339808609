using System.Diagnostics;
using ColdStart.Lab;

namespace ColdStart.Bench;

/// <summary>Real <c>-X importtime</c> output, captured from a local CPython when the benchmark starts.</summary>
internal static class ImportTimeCapture
{
    // what a typical small API function loads at init, and two modules a handler imports lazily
    private const string InitImports = "json, decimal, email.message, http.client, logging, urllib.request, uuid, datetime, base64, hashlib";
    private const string LazyImports = "sqlite3, xml.etree.ElementTree";

    /// <summary>Several captures (timings differ run to run): init-phase rows and lazy rows, header first in the init rows.</summary>
    public static IReadOnlyList<(string[] Init, string[] Lazy)> Capture(string python, int runs)
    {
        var captures = new List<(string[], string[])>();
        for (var i = 0; i < runs; i++)
        {
            var code = $"import {InitImports}\nimport sys\nsys.stderr.write('@@lazy\\n')\nimport {LazyImports}";
            var stderr = Run(python, ["-X", "importtime", "-c", code]);
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var split = Array.IndexOf(lines, "@@lazy");
            if (split < 0 || !lines[0].StartsWith("import time:", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{python} -X importtime printed no profile:\n{stderr}");
            }

            captures.Add((lines[..split], lines[(split + 1)..]));
        }

        return captures;
    }

    /// <summary>The interpreter to capture from: the given one, else the newest installed CPython (pyenv, then PATH), else python3.</summary>
    public static string FindPython(string? requested) =>
        requested ?? (LocalPython.Installed() is { Count: > 0 } installed ? LocalPython.Find(installed[^1])! : "python3");

    private static string Run(string exe, string[] args)
    {
        var start = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {exe}");
        var stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? stderr : throw new InvalidOperationException($"{exe} exited {process.ExitCode}: {stderr}");
    }
}
