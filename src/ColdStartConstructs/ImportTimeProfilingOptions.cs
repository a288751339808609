namespace ColdStart.Constructs;

/// <summary>
/// How a function's cold starts are profiled. Shared by <see cref="ImportTimeProfiledFunction"/> and
/// <see cref="ImportTimeProfilingAspect"/>.
/// </summary>
public class ImportTimeProfilingOptions
{
    /// <summary>
    /// Whether cold starts are profiled at all. When false the function is exactly a plain <c>Function</c>: no layer,
    /// no variable, no wrapper.
    /// Default: the context key <see cref="ColdStartContext.Profiling"/> (<c>coldstart:profiling</c>) if set
    /// on the construct's path, else <c>true</c>.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// How the interpreter is told to profile: <see cref="ProfilingMode.Wrapper"/> (a layer and
    /// <c>AWS_LAMBDA_EXEC_WRAPPER</c>) or <see cref="ProfilingMode.EnvironmentVariable"/>
    /// (<c>PYTHONPROFILEIMPORTTIME</c>: no layer, no extra process; also for container images). See the README's
    /// trade-offs table.
    /// Default: <see cref="ProfilingMode.Wrapper"/>; the <see cref="ImportTimeProfilingAspect"/> uses
    /// <see cref="ProfilingMode.EnvironmentVariable"/> for container-image functions, which cannot take layers.
    /// </summary>
    public ProfilingMode? Mode { get; set; }

    /// <summary>
    /// The profiling level (<c>-X importtime</c> or <c>PYTHONPROFILEIMPORTTIME</c>): <c>1</c> prints each import once;
    /// <c>2</c> also prints modules that were already loaded (rows marked <c>cached</c>) and needs python3.14 or newer
    /// (so it is refused for container images, whose Python version cannot be read at synth).
    /// Default: <c>1</c>.
    /// </summary>
    public int? ImportTimeLevel { get; set; }

    /// <summary>
    /// Further CPython <c>-X</c> options passed by the wrapper (so only in <see cref="ProfilingMode.Wrapper"/> mode),
    /// without the <c>-X</c>, from an allowlist:
    /// <c>tracemalloc</c>, <c>tracemalloc=N</c>, <c>dev</c>, <c>faulthandler</c>, <c>frozen_modules=on|off</c>,
    /// <c>utf8</c>, <c>utf8=0|1</c>, <c>warn_default_encoding</c>, <c>no_debug_ranges</c>,
    /// <c>int_max_str_digits=N</c>, <c>perf</c> (see docs/wrapper.md for the version each needs).
    /// Anything else fails synth, and so does one option given twice with different values. Their order does not
    /// matter: the same options in any order share one layer. Default: none.
    /// </summary>
    public string[]? ExtraXOptions { get; set; }

    /// <summary>
    /// Marks the function's stage as production: profiling still works there, but a warning annotation says so.
    /// Default: the context key <see cref="ColdStartContext.Production"/> (<c>coldstart:production</c>), else <c>false</c>.
    /// </summary>
    public bool? Production { get; set; }
}
