namespace ColdStart.Constructs;

/// <summary>How the interpreter is told to profile its imports.</summary>
public enum ProfilingMode
{
    /// <summary>
    /// The wrapper layer: <c>AWS_LAMBDA_EXEC_WRAPPER=/opt/importtime_wrapper</c> starts the interpreter with
    /// <c>-X importtime</c>. It writes the profile-start line (with the init type), chains to another wrapper the
    /// function already has, and can pass extra <c>-X</c> options. Costs one extra shell start per cold start;
    /// needs a layer, so not for container-image functions.
    /// </summary>
    Wrapper,

    /// <summary>
    /// The variable <c>PYTHONPROFILEIMPORTTIME</c> (<c>1</c>, or <c>2</c> for level 2 on python3.14+), which CPython
    /// reads itself: no layer, no wrapper, no extra process, and it works for container-image functions. No
    /// profile-start line, no extra <c>-X</c> options, and every child Python process inherits the variable
    /// (its profile lands in the same log).
    /// </summary>
    EnvironmentVariable,
}
