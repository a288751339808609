using System.Diagnostics;
using System.Text;

namespace ColdStart.Constructs.Tests.Support;

internal sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs a process with an exact argv (ArgumentList, no shell quoting) and captures everything.</summary>
internal static class ProcessRun
{
    // Variables that would change what the interpreter or the wrapper does, whatever the test machine sets.
    private static readonly string[] Scrubbed =
    [
        "AWS_LAMBDA_INITIALIZATION_TYPE", "COLDSTART_CHAINED_WRAPPER", "PYTHONPROFILEIMPORTTIME", "PYTHONDEVMODE",
        "PYTHONTRACEMALLOC", "PYTHONUTF8", "PYTHONWARNINGS", "PYTHONSTARTUP", "PYTHONPATH", "PYTHONHOME",
    ];

    public static ProcessResult Start(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var name in Scrubbed)
        {
            info.Environment.Remove(name);
        }
        // Lambda runs with a UTF-8 locale; without one, python3.8 decodes non-ASCII argv differently.
        info.Environment["LC_ALL"] = "C.UTF-8";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', info.ArgumentList)} did not exit within {limit.TotalSeconds} s");
        }
        return new ProcessResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
