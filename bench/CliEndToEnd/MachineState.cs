using System.Globalization;

namespace ColdStart.Bench;

/// <summary>What the figures depend on: the CPU, and how busy the machine was.</summary>
internal static class MachineState
{
    public static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";

    /// <summary>The 1-minute load average.</summary>
    public static double Load1() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>1, 5 and 15-minute load averages as /proc/loadavg prints them.</summary>
    public static string LoadAverages() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
