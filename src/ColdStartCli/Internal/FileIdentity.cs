using System.Runtime.InteropServices;

namespace ColdStart.Cli.Internal;

/// <summary>
/// Which file a path names on disk (device and inode, after symbolic links), so that a hard link or another
/// spelling of an input is recognised as that input. Linux only (statx); elsewhere <see cref="Of"/> returns null
/// and callers fall back to comparing resolved paths.
/// </summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode, bool IsRegularFile)
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const uint StatxIno = 0x100;
    private const int StatxSize = 256;
    private const ushort FileTypeMask = 0xF000;
    private const ushort RegularFile = 0x8000;

    /// <summary>The identity of the file <paramref name="path"/> names; null when it does not exist or cannot be told.</summary>
    public static FileIdentity? Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // struct statx has the same layout on every Linux architecture, unlike struct stat.
        Span<byte> buffer = stackalloc byte[StatxSize];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType | StatxIno, ref MemoryMarshal.GetReference(buffer)) != 0)
            {
                return null;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return null; // a C library older than glibc 2.28 or musl 1.2.5
        }

        var mode = BitConverter.ToUInt16(buffer[28..]);
        var inode = BitConverter.ToUInt64(buffer[32..]);
        var device = ((ulong)BitConverter.ToUInt32(buffer[136..]) << 32) | BitConverter.ToUInt32(buffer[140..]);
        return new FileIdentity(device, inode, (mode & FileTypeMask) == RegularFile);
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, ref byte buffer);
}
