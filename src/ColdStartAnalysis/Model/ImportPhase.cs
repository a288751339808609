namespace ColdStart.Analysis;

/// <summary>When an import ran relative to the Lambda request lifecycle.</summary>
public enum ImportPhase
{
    /// <summary>Module-level ("global") import, before the environment's first START.</summary>
    Init,

    /// <summary>Lazy ("local") import inside a handler call, between a START and its END.</summary>
    Invoke,

    /// <summary>
    /// The phase cannot be told from the log: init output was logged after START (older console logs)
    /// and no <see cref="ParseOptions.SplitAfter"/> marker resolved it, or the import ran between an END and the next START.
    /// </summary>
    Unknown,
}
