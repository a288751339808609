using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace ColdStart.Bench;

/// <summary>What one run of a child process cost, as the kernel accounted it (<c>wait4</c>'s rusage).</summary>
/// <param name="ExitCode">Exit code, or 128 + signal.</param>
/// <param name="WallSeconds">From just before <c>posix_spawn</c> to <c>wait4</c> returning.</param>
/// <param name="UserSeconds">User CPU of the child.</param>
/// <param name="SystemSeconds">Kernel CPU of the child.</param>
/// <param name="PeakRssBytes">The child's peak resident set (<c>ru_maxrss</c> as GNU time reads it).</param>
internal sealed record ChildRun(int ExitCode, double WallSeconds, double UserSeconds, double SystemSeconds, long PeakRssBytes)
{
    public double CpuSeconds => UserSeconds + SystemSeconds;
}

/// <summary>
/// Runs a program with posix_spawn and reaps it with wait4, so the CPU time is that child's alone (Process.Start
/// reaps children on its own thread, and RUSAGE_CHILDREN sums over all of them). The peak RSS comes from GNU time
/// in between: a posix_spawn (vfork) child's ru_maxrss starts at the spawning process's own peak (the kernel
/// records the shared address space's high-water mark at exec), about 90 MB for this benchmark, which would
/// hide a smaller tool; time fork()s from a 1 MB process.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static partial class ChildProcess
{
    private const string GnuTime = "/usr/bin/time";
    private const int OWriteOnly = 1;
    private const int OCreateTruncate = 0x40 | 0x200;
    private const int EInterrupted = 4;
    private const int FileActionsSize = 512; // glibc's posix_spawn_file_actions_t is 80 bytes
    private const int RusageSize = 256; // struct rusage is 144 bytes on 64-bit Linux

    /// <summary>
    /// Runs <paramref name="path"/> with <paramref name="argv"/> (argv[0] included) under GNU time; stdout to
    /// /dev/null, stderr to <paramref name="stderrFile"/>. CPU includes time's own (about a millisecond).
    /// </summary>
    public static ChildRun Run(string path, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> extraEnvironment, string stderrFile)
    {
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => ((string)e.Key, (string?)e.Value ?? ""))
            .Where(e => !extraEnvironment.ContainsKey(e.Item1))
            .Concat(extraEnvironment.Select(e => (e.Key, e.Value)))
            .Select(e => $"{e.Item1}={e.Item2}")
            .ToList();
        var pointers = new List<IntPtr>();
        IntPtr[] Strings(IEnumerable<string> values)
        {
            var array = values.Select(Marshal.StringToCoTaskMemUTF8).Append(IntPtr.Zero).ToArray();
            pointers.AddRange(array);
            return array;
        }

        if (!File.Exists(GnuTime))
        {
            throw new InvalidOperationException($"{GnuTime} not found: install GNU time (apt-get install time) to measure peak RSS");
        }

        var rssFile = stderrFile + ".rss";
        File.Delete(rssFile);
        argv = [GnuTime, "-f", "%M", "-o", rssFile, path, .. argv.Skip(1)];
        var actions = Marshal.AllocHGlobal(FileActionsSize);
        var usage = Marshal.AllocHGlobal(RusageSize);
        try
        {
            var argvArray = Strings(argv);
            var envp = Strings(environment);
            Check(posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            Check(posix_spawn_file_actions_addopen(actions, 1, "/dev/null", OWriteOnly, 0), "addopen stdout");
            Check(posix_spawn_file_actions_addopen(actions, 2, stderrFile, OWriteOnly | OCreateTruncate, 0b110_100_100), "addopen stderr");
            var clock = Stopwatch.StartNew();
            Check(posix_spawn(out var pid, GnuTime, actions, IntPtr.Zero, argvArray, envp), $"posix_spawn {GnuTime} {path}");
            int status;
            while (wait4(pid, out status, 0, usage) < 0)
            {
                if (Marshal.GetLastPInvokeError() != EInterrupted)
                {
                    throw new InvalidOperationException($"wait4 failed: errno {Marshal.GetLastPInvokeError()}");
                }
            }

            clock.Stop();
            var exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
            // ru_utime, ru_stime: struct timeval {long tv_sec; long tv_usec}; time -f %M: KiB (after "Command exited with non-zero status N" when it failed)
            var peakKib = File.Exists(rssFile) && long.TryParse(File.ReadLines(rssFile).LastOrDefault(), out var kib) ? kib : -1;
            return new ChildRun(exitCode, clock.Elapsed.TotalSeconds, Seconds(usage, 0), Seconds(usage, 16), peakKib * 1024);
        }
        finally
        {
            posix_spawn_file_actions_destroy(actions);
            Marshal.FreeHGlobal(actions);
            Marshal.FreeHGlobal(usage);
            foreach (var pointer in pointers.Where(p => p != IntPtr.Zero))
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    private static double Seconds(IntPtr timeval, int offset) =>
        Marshal.ReadInt64(timeval, offset) + Marshal.ReadInt64(timeval, offset + 8) / 1e6;

    private static void Check(int result, string what)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"{what} failed: error {result}");
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int posix_spawn(out int pid, string path, IntPtr fileActions, IntPtr attributes, IntPtr[] argv, IntPtr[] envp);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_init(IntPtr fileActions);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int posix_spawn_file_actions_addopen(IntPtr fileActions, int fd, string path, int flags, int mode);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_destroy(IntPtr fileActions);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int wait4(int pid, out int status, int options, IntPtr usage);
}
