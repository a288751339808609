using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace ColdStart.Bench;

/// <summary>
/// Starts a process with posix_spawn, stdout and stderr on /dev/null, and waits for it with wait4 to get its
/// CPU time. Process.Start adds a millisecond or more of its own (pipes, a SIGCHLD thread) and noise; this
/// keeps the harness cost small and identical for every variant.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static partial class Spawn
{
    private const int OWriteOnly = 1;
    private const int EInterrupted = 4;
    private const int FileActionsSize = 512; // glibc's posix_spawn_file_actions_t is 80 bytes; macOS's is a pointer.

    private const int RusageSize = 256; // struct rusage is 144 bytes on 64-bit Linux and macOS.

    /// <summary>
    /// Runs <paramref name="path"/> with <paramref name="argv"/> (argv[0] included) and returns its exit code
    /// and the CPU time (user + system) it used, across every exec in that process.
    /// </summary>
    public static (int ExitCode, double CpuMilliseconds) Run(string path, IReadOnlyList<string> argv, IntPtr environment)
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
            Check(posix_spawn_file_actions_addopen(actions, 1, "/dev/null", OWriteOnly, 0), "addopen stdout");
            Check(posix_spawn_file_actions_addopen(actions, 2, "/dev/null", OWriteOnly, 0), "addopen stderr");
            Check(posix_spawn(out var pid, path, actions, IntPtr.Zero, pointers, environment), $"posix_spawn {path}");
            int status;
            while (wait4(pid, out status, 0, usage) < 0)
            {
                if (Marshal.GetLastPInvokeError() != EInterrupted)
                {
                    throw new InvalidOperationException($"wait4 failed: errno {Marshal.GetLastPInvokeError()}");
                }
            }
            // Exit code when it exited, 128 + signal when a signal ended it (the shell convention).
            var exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
            // ru_utime and ru_stime: two struct timeval {long tv_sec; tv_usec (< 10^6, so its low 32 bits)}.
            var cpu = Milliseconds(usage, 0) + Milliseconds(usage, 16);
            return (exitCode, cpu);
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
    /// The current environment, without <paramref name="removed"/> and with <paramref name="added"/>, as a
    /// NULL-terminated envp array (allocated once, kept for the run).
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

    private static double Milliseconds(IntPtr timeval, int offset) =>
        Marshal.ReadInt64(timeval, offset) * 1000.0 + Marshal.ReadInt32(timeval, offset + 8) / 1000.0;

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
