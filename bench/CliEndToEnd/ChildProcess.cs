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
/// Runs a program through <see cref="PosixSpawn"/> (its own CPU time from <c>wait4</c>), with the peak RSS from GNU time in
/// between: a posix_spawn (vfork) child's ru_maxrss starts at the spawning process's own peak (the kernel records the
/// shared address space's high-water mark at exec), about 90 MB for this benchmark, which would hide a smaller tool;
/// time fork()s from a 1 MB process.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class ChildProcess
{
    private const string GnuTime = "/usr/bin/time";

    /// <summary>
    /// Runs <paramref name="path"/> with <paramref name="argv"/> (argv[0] included) under GNU time; stdout to
    /// /dev/null, stderr to <paramref name="stderrFile"/>. CPU includes time's own (about a millisecond).
    /// </summary>
    public static ChildRun Run(string path, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> extraEnvironment, string stderrFile)
    {
        if (!File.Exists(GnuTime))
        {
            throw new InvalidOperationException($"{GnuTime} not found: install GNU time (apt-get install time) to measure peak RSS");
        }

        var rssFile = stderrFile + ".rss";
        File.Delete(rssFile);
        var envp = PosixSpawn.Environment([], extraEnvironment);
        try
        {
            var run = PosixSpawn.Run(GnuTime, [GnuTime, "-f", "%M", "-o", rssFile, path, .. argv.Skip(1)], envp, stderr: stderrFile);
            // time -f %M: KiB (after "Command exited with non-zero status N" when it failed)
            var peakKib = File.Exists(rssFile) && long.TryParse(File.ReadLines(rssFile).LastOrDefault(), out var kib) ? kib : -1;
            return new ChildRun(run.ExitCode, run.WallSeconds, run.UserSeconds, run.SystemSeconds, peakKib * 1024);
        }
        finally
        {
            PosixSpawn.Free(envp);
        }
    }
}
