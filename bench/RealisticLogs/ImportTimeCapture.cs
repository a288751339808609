using System.Diagnostics;
using System.Globalization;
using ColdStart.Lab;

namespace ColdStart.Bench.Logs;

/// <summary>One real <c>-X importtime</c> run of an import set: the rows of module-level imports, then the rows of lazy ones.</summary>
/// <param name="ImportSet">Which set of imports it ran (index into <see cref="ImportTimeCapture.ImportSets"/>).</param>
/// <param name="PythonVersion">major.minor of the interpreter that printed it.</param>
/// <param name="Init">Rows printed by the module-level imports, in printed order (no header).</param>
/// <param name="Lazy">Rows printed by the imports a handler makes on its first request.</param>
public sealed record CapturedProfile(int ImportSet, string PythonVersion, ImportRow[] Init, ImportRow[] Lazy);

/// <summary>Real <c>-X importtime</c> output, captured from a local CPython (several import sets, several runs each).</summary>
public static class ImportTimeCapture
{
    private const string LazyMarker = "@@lazy";

    /// <summary>
    /// What typical small functions load at init, and what their handlers import lazily. About 130 rows each on
    /// CPython 3.13 (93–137 at init, 6–46 lazy).
    /// </summary>
    public static IReadOnlyList<(string Init, string Lazy)> ImportSets { get; } =
    [
        ("json, decimal, email.message, http.client, logging, urllib.request, uuid, datetime, base64, hashlib", "sqlite3, xml.etree.ElementTree"),
        ("csv, statistics, dataclasses, typing, zipfile, gzip, tempfile, logging, json, pathlib", "sqlite3, concurrent.futures"),
        ("asyncio, ssl, socket, concurrent.futures, queue, subprocess, logging, json", "multiprocessing, http.server"),
        ("urllib.parse, http.cookies, html.parser, mimetypes, smtplib, email.mime.multipart, ipaddress, hmac, secrets, logging", "xml.dom.minidom, csv"),
        ("json, logging, argparse, configparser, shutil, tarfile, hashlib, struct, datetime, zoneinfo, string, textwrap", "pickle, difflib"),
    ];

    /// <summary>Runs every import set <paramref name="runs"/> times and returns the raw stderr of each run.</summary>
    public static IReadOnlyList<(int ImportSet, string Stderr)> Run(string python, int runs)
    {
        var outputs = new List<(int, string)>();
        for (var set = 0; set < ImportSets.Count; set++)
        {
            for (var run = 0; run < runs; run++)
            {
                var (init, lazy) = ImportSets[set];
                var code = $"import {init}\nimport sys\nsys.stderr.write('{LazyMarker}\\n')\nimport {lazy}";
                outputs.Add((set, RunPython(python, ["-X", "importtime", "-c", code])));
            }
        }

        return outputs;
    }

    /// <summary>Splits one run's stderr into init and lazy rows.</summary>
    public static CapturedProfile Parse(int importSet, string pythonVersion, string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var split = Array.IndexOf(lines, LazyMarker);
        if (split < 0 || lines[0] != ImportRow.Header)
        {
            throw new InvalidOperationException($"not an -X importtime capture (import set {importSet}):\n{stderr}");
        }

        ImportRow[] Rows(IEnumerable<string> part) => part.Select(line => ImportRow.TryParse(line, out var row)
            ? row
            : throw new InvalidOperationException($"unexpected line in capture of import set {importSet}: {line}")).ToArray();
        return new CapturedProfile(importSet, pythonVersion, Rows(lines[1..split]), Rows(lines[(split + 1)..]));
    }

    /// <summary>The interpreter's major.minor version.</summary>
    public static string VersionOf(string python) =>
        RunPython(python, ["-c", "import sys; sys.stderr.write('%d.%d' % sys.version_info[:2])"]).Trim();

    /// <summary>The interpreter to capture from: the given one, else the newest installed CPython (pyenv, then PATH), else python3.</summary>
    public static string FindPython(string? requested) =>
        requested ?? (LocalPython.Installed() is { Count: > 0 } installed ? LocalPython.Find(installed[^1])! : "python3");

    private static string RunPython(string exe, string[] args)
    {
        var start = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {exe}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        stdout.Wait();
        process.WaitForExit();
        return process.ExitCode == 0 ? stderr : throw new InvalidOperationException($"{exe} exited {process.ExitCode}: {stderr}");
    }
}
