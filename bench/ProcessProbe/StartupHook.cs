using System.Diagnostics;
using System.Globalization;
using System.Runtime;

/// <summary>
/// Loaded into the measured process by <c>DOTNET_STARTUP_HOOKS</c>; at exit, appends one line of runtime figures
/// (JIT, GC, assemblies, CPU) to the file named by <c>COLDSTART_PROBE_OUT</c>. The runtime needs this exact type name
/// and method, outside any namespace.
/// </summary>
#pragma warning disable CA1050 // the startup hook contract: a type named StartupHook in no namespace
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize()
    {
        var output = Environment.GetEnvironmentVariable("COLDSTART_PROBE_OUT");
        if (string.IsNullOrEmpty(output))
        {
            return;
        }

        var atHook = Process.GetCurrentProcess().TotalProcessorTime;
        var jitAtHook = System.Runtime.JitInfo.GetCompilationTime();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            var process = Process.GetCurrentProcess();
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"cpu_s={process.TotalProcessorTime.TotalSeconds:0.000} cpu_before_main_s={atHook.TotalSeconds:0.000} "
                + $"jit_methods={System.Runtime.JitInfo.GetCompiledMethodCount()} jit_s={System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:0.000} jit_before_main_s={jitAtHook.TotalSeconds:0.000} "
                + $"jit_il_bytes={System.Runtime.JitInfo.GetCompiledILBytes()} assemblies={AppDomain.CurrentDomain.GetAssemblies().Length} "
                + $"gc0={GC.CollectionCount(0)} gc1={GC.CollectionCount(1)} gc2={GC.CollectionCount(2)} gc_pause_s={GC.GetTotalPauseDuration().TotalSeconds:0.000} "
                + $"allocated_mb={GC.GetTotalAllocatedBytes() / 1e6:0.0} heap_mb={info.HeapSizeBytes / 1e6:0.0} committed_mb={info.TotalCommittedBytes / 1e6:0.0} "
                + $"peak_working_set_mb={process.PeakWorkingSet64 / 1e6:0.0} server_gc={GCSettings.IsServerGC} gc_latency={GCSettings.LatencyMode}\n");
            File.AppendAllText(output, line);
        };
    }
}
