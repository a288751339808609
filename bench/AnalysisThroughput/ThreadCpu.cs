using System.Globalization;

namespace ColdStart.Bench;

/// <summary>CPU time of the calling OS thread (Linux: /proc/thread-self/stat utime + stime, in clock ticks of 10 ms).</summary>
internal static class ThreadCpu
{
    public static double Seconds()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }
}
