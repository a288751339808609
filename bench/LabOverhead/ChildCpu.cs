using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace ColdStart.Bench;

/// <summary>CPU time (user + system) of this process's terminated children, from getrusage(RUSAGE_CHILDREN): unlike wall time, barely moved by other load on the machine.</summary>
[UnsupportedOSPlatform("windows")]
internal static partial class ChildCpu
{
    private const int RusageChildren = -1;
    private const int RusageSize = 256; // struct rusage is 144 bytes on 64-bit Linux and macOS.

    public static double Milliseconds()
    {
        var usage = new byte[RusageSize];
        if (getrusage(RusageChildren, usage) != 0)
        {
            throw new InvalidOperationException("getrusage failed");
        }

        // ru_utime and ru_stime: two struct timeval {long tv_sec; tv_usec}.
        static double Timeval(byte[] b, int offset) => BitConverter.ToInt64(b, offset) * 1000.0 + BitConverter.ToInt64(b, offset + 8) / 1000.0;
        return Timeval(usage, 0) + Timeval(usage, 16);
    }

    [LibraryImport("libc")]
    private static partial int getrusage(int who, [Out] byte[] usage);
}
