namespace ColdStart.Bench;

/// <summary>One timed stage of one run: wall clock, the calling thread's CPU, and what the GC did meanwhile.</summary>
internal sealed record Measurement(double Seconds, double ThreadCpuSeconds, double GcPauseSeconds, string Collections, double AllocatedMb)
{
    public static Measurement Of(Action stage)
    {
        var threadCpu = ThreadCpu.Seconds();
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        stage();
        clock.Stop();
        return new Measurement(
            clock.Elapsed.TotalSeconds,
            ThreadCpu.Seconds() - threadCpu,
            (GC.GetTotalPauseDuration() - pause).TotalSeconds,
            $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}",
            (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6);
    }
}
