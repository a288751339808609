using Amazon.CDK.AWS.Lambda;

namespace ColdStart.Constructs;

/// <summary>
/// Everything a plain <see cref="FunctionProps"/> takes (code, handler, memory, timeout, environment, architecture,
/// role, VPC, log group, tracing…), plus import-time profiling and pre-warming.
/// <see cref="FunctionProps.Runtime"/> may be left unset: the default is <c>python3.13</c>.
/// </summary>
public class ImportTimeProfiledFunctionProps : FunctionProps
{
    /// <summary>
    /// How cold starts are profiled, and whether they are. Default: profiling with <c>-X importtime</c>,
    /// on unless the context key <c>coldstart:profiling</c> is <c>false</c>.
    /// </summary>
    public ImportTimeProfilingOptions? ImportTimeProfiling { get; set; }

    /// <summary>
    /// Provisioned concurrency (and optional autoscaling) on an alias of the current version.
    /// The same can be added later, once, with <see cref="ImportTimeProfiledFunction.AddPreWarming"/>.
    /// Default: no pre-warming (on-demand only).
    /// </summary>
    public PreWarmingOptions? PreWarming { get; set; }
}
