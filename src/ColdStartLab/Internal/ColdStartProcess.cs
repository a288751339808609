using System.Diagnostics;
using System.Text;

namespace ColdStart.Lab.Internal;

/// <summary>What one interpreter start produced.</summary>
internal sealed record ProcessOutput(int? ExitCode, bool TimedOut, bool OutputLeftOpen, double WallMs, string Stdout, string Stderr);

/// <summary>
/// Starts one cold start's process with an exact argv and environment (nothing inherited), waits for it up to the
/// timeout, and kills the whole process tree when the timeout is reached.
/// </summary>
internal static class ColdStartProcess
{
    /// <summary>How long output may keep arriving after the interpreter exited (from processes it started).</summary>
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    public static ProcessOutput Run(IReadOnlyList<string> argv, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout)
    {
        var info = new ProcessStartInfo(argv[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in argv.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = new Process { StartInfo = info };
        // The bootstrap measures Init Duration from here, on the same monotonic clock (CLOCK_MONOTONIC on Linux).
        info.Environment["COLDSTART_LAB_T0"] = ((long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ProcessOutput(null, false, false, clock.Elapsed.TotalMilliseconds, "", $"cannot start {argv[0]}: {e.Message}");
        }

        process.StandardInput.Close();
        var stdout = new StreamCollector(process.StandardOutput);
        var stderr = new StreamCollector(process.StandardError);
        var timedOut = !process.WaitForExit(timeout);
        if (timedOut)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // it exited between the timeout and the kill
            }

            process.WaitForExit();
        }

        var wallMs = clock.Elapsed.TotalMilliseconds;
        var drained = stdout.WaitForEnd(DrainGrace) & stderr.WaitForEnd(DrainGrace);
        return new ProcessOutput(timedOut ? null : process.ExitCode, timedOut, !drained, wallMs, stdout.Text, stderr.Text);
    }
}
