namespace ColdStart.Lab;

/// <summary>How one local cold start ended.</summary>
public enum ColdStartOutcome
{
    /// <summary>The handler module was imported and the handler found; no event, so no invocation.</summary>
    Initialized,

    /// <summary>Init succeeded and the handler returned.</summary>
    Invoked,

    /// <summary>Importing the handler module failed (a missing module, a syntax error, an exception at module level) or the handler was not found.</summary>
    InitFailed,

    /// <summary>Init succeeded and the handler raised.</summary>
    InvokeFailed,

    /// <summary><see cref="LabOptions.Timeout"/> was reached before the cold start ended; the process tree was killed.</summary>
    TimedOut,

    /// <summary>The process ended without the bootstrap's result: the interpreter or the wrapper failed to start, or crashed.</summary>
    Crashed,
}
