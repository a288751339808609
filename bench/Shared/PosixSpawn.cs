using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace ColdStart.Bench;

/// <summary>
/// The benchmarks' one process runner: starts a program with <c>posix_spawn</c> and reaps it with <c>wait4</c>, so the
/// CPU time is that child's alone, across every <c>exec</c> in it (Process.Start reaps children on its own thread, adds
/// pipes and a millisecond or more of noise, and RUSAGE_CHILDREN sums over all children). Linked into each benchmark
/// that starts processes (bench/Shared).
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static partial class PosixSpawn
{
    private const int OWriteOnly = 1;
    private const int OCreateTruncate = 0x40 | 0x200;
    private const int EInterrupted = 4;
    private const int FileActionsSize = 512; // glibc's posix_spawn_file_actions_t is 80 bytes; macOS's is a pointer
    private const int RusageSize = 256; // struct rusage is 144 bytes on 64-bit Linux and macOS

    /// <summary>What one run cost, as the kernel accounted it.</summary>
    /// <param name="ExitCode">Exit code, or 128 + signal when a signal ended it (the shell convention).</param>
    /// <param name="WallSeconds">From just before <c>posix_spawn</c> to <c>wait4</c> returning.</param>
    /// <param name="UserSeconds">User CPU of the child.</param>
    /// <param name="SystemSeconds">Kernel CPU of the child.</param>
    public readonly record struct Outcome(int ExitCode, double WallSeconds, double UserSeconds, double SystemSeconds)
    {
        public double CpuSeconds => UserSeconds + SystemSeconds;
    }

    /// <summary>
    /// Runs <paramref name="path"/> with <paramref name="argv"/> (argv[0] included) and the environment
    /// <paramref name="envp"/> (from <see cref="Environment"/>); stdout and stderr go to the given files (created or
    /// truncated), /dev/null by default.
    /// </summary>
    public static Outcome Run(string path, IReadOnlyList<string> argv, IntPtr envp, string stdout = "/dev/null", string stderr = "/dev/null")
    {
        var pointers = new IntPtr[argv.Count + 1];
        var actions = Marshal.AllocHGlobal(FileActionsSize);
        var usage = Marshal.AllocHGlobal(RusageSize);
        try
        {
            for (var i = 0; i < argv.Count; i++)
            {
                pointers[i] = Marshal.StringToCoTaskMemUTF8(argv[i]);
            }

            Check(posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            Check(posix_spawn_file_actions_addopen(actions, 1, stdout, OWriteOnly | OCreateTruncate, 0b110_100_100), "addopen stdout");
            Check(posix_spawn_file_actions_addopen(actions, 2, stderr, OWriteOnly | OCreateTruncate, 0b110_100_100), "addopen stderr");
            var clock = Stopwatch.StartNew();
            Check(posix_spawn(out var pid, path, actions, IntPtr.Zero, pointers, envp), $"posix_spawn {path}");
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
            // ru_utime, ru_stime: struct timeval {long tv_sec; long tv_usec}
            return new Outcome(exitCode, clock.Elapsed.TotalSeconds, Seconds(usage, 0), Seconds(usage, 16));
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

    /// <summary>
    /// This process's environment without <paramref name="removed"/> and with <paramref name="added"/>, as a
    /// NULL-terminated envp array; release it with <see cref="Free"/> (or keep it for the whole run).
    /// </summary>
    public static IntPtr Environment(IReadOnlyCollection<string> removed, IReadOnlyDictionary<string, string> added)
    {
        var entries = System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Where(e => !removed.Contains((string)e.Key) && !added.ContainsKey((string)e.Key))
            .Select(e => $"{e.Key}={e.Value}")
            .Concat(added.Select(kv => $"{kv.Key}={kv.Value}"))
            .ToArray();
        var envp = Marshal.AllocHGlobal(IntPtr.Size * (entries.Length + 1));
        for (var i = 0; i < entries.Length; i++)
        {
            Marshal.WriteIntPtr(envp, i * IntPtr.Size, Marshal.StringToCoTaskMemUTF8(entries[i]));
        }

        Marshal.WriteIntPtr(envp, entries.Length * IntPtr.Size, IntPtr.Zero);
        return envp;
    }

    /// <summary>Releases an array made by <see cref="Environment"/>.</summary>
    public static void Free(IntPtr envp)
    {
        for (var i = 0; Marshal.ReadIntPtr(envp, i * IntPtr.Size) is var entry && entry != IntPtr.Zero; i++)
        {
            Marshal.FreeCoTaskMem(entry);
        }

        Marshal.FreeHGlobal(envp);
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
    private static partial int posix_spawn(out int pid, string path, IntPtr fileActions, IntPtr attributes, IntPtr[] argv, IntPtr envp);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_init(IntPtr fileActions);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int posix_spawn_file_actions_addopen(IntPtr fileActions, int fd, string path, int flags, int mode);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_destroy(IntPtr fileActions);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int wait4(int pid, out int status, int options, IntPtr usage);
}
