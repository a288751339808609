using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace ColdStart.Bench;

/// <summary>
/// Starts a process with posix_spawn, stdout and stderr on /dev/null, and waits for it. Process.Start adds
/// a millisecond or more of its own (pipes, a SIGCHLD thread) and noise; this keeps the harness cost small
/// and identical for every variant.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static partial class Spawn
{
    private const int OWriteOnly = 1;
    private const int EInterrupted = 4;
    private const int FileActionsSize = 512; // glibc's posix_spawn_file_actions_t is 80 bytes; macOS's is a pointer.

    /// <summary>Runs <paramref name="path"/> with <paramref name="argv"/> (argv[0] included) and returns its exit code.</summary>
    public static int Run(string path, IReadOnlyList<string> argv, IntPtr environment)
    {
        var pointers = new IntPtr[argv.Count + 1];
        var actions = Marshal.AllocHGlobal(FileActionsSize);
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
            while (waitpid(pid, out status, 0) < 0)
            {
                if (Marshal.GetLastPInvokeError() != EInterrupted)
                {
                    throw new InvalidOperationException($"waitpid failed: errno {Marshal.GetLastPInvokeError()}");
                }
            }
            // Exit code when it exited, 128 + signal when a signal ended it (the shell convention).
            return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
        }
        finally
        {
            posix_spawn_file_actions_destroy(actions);
            Marshal.FreeHGlobal(actions);
            foreach (var pointer in pointers.Where(p => p != IntPtr.Zero))
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    /// <summary>The current environment as a NULL-terminated envp array (allocated once, kept for the run).</summary>
    public static IntPtr CurrentEnvironment()
    {
        var entries = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => $"{e.Key}={e.Value}").ToArray();
        var envp = Marshal.AllocHGlobal(IntPtr.Size * (entries.Length + 1));
        for (var i = 0; i < entries.Length; i++)
        {
            Marshal.WriteIntPtr(envp, i * IntPtr.Size, Marshal.StringToCoTaskMemUTF8(entries[i]));
        }
        Marshal.WriteIntPtr(envp, entries.Length * IntPtr.Size, IntPtr.Zero);
        return envp;
    }

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
    private static partial int waitpid(int pid, out int status, int options);
}
