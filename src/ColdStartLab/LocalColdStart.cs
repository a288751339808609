namespace ColdStart.Lab;

/// <summary>One cold start the lab ran: how it ended and what it measured.</summary>
public sealed record LocalColdStart
{
    /// <summary>1-based number of the cold start among the function's.</summary>
    public required int Number { get; init; }

    /// <summary>How it ended.</summary>
    public required ColdStartOutcome Outcome { get; init; }

    /// <summary>Whether it counts in the report: init finished, and the handler returned when there was an event.</summary>
    public bool Completed => Outcome is ColdStartOutcome.Initialized or ColdStartOutcome.Invoked;

    /// <summary>Wall-clock time from process start to exit, as the lab saw it.</summary>
    public required double WallMs { get; init; }

    /// <summary>The process's exit code; null when it was killed.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Lambda's error type for a failed init (<c>Runtime.ImportModuleError</c>…) or the exception type the handler raised; otherwise null.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The Python exception type (e.g. <c>ModuleNotFoundError</c>); null without an error.</summary>
    public string? ExceptionType { get; init; }

    /// <summary>The exception's message, or what went wrong for a timeout or a crash; null when it completed.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>For a module that could not be imported: its name (e.g. <c>requests</c>); otherwise null.</summary>
    public string? MissingModule { get; init; }

    /// <summary>The last frames of the exception's traceback, innermost last (<c>File "…", line N, in f</c>).</summary>
    public IReadOnlyList<string> Frames { get; init; } = [];

    /// <summary>The last lines the function (and the interpreter) wrote, standard output then any stray standard error; for failures.</summary>
    public IReadOnlyList<string> OutputTail { get; init; } = [];

    /// <summary>Preloaded modules this interpreter could not import, each with the error.</summary>
    public IReadOnlyList<string> PreloadMissing { get; init; } = [];

    /// <summary>Every module loaded before the handler module was imported (start-up and preload).</summary>
    public IReadOnlySet<string> LoadedBeforeHandler { get; init; } = new HashSet<string>();

    /// <summary>Import rows printed after the cold start ended (interpreter shutdown, atexit handlers, child processes): not in the profile.</summary>
    public int RowsAfterEnd { get; init; }

    /// <summary>Whether a process the function started still held standard error open two seconds after the interpreter exited.</summary>
    public bool OutputLeftOpen { get; init; }

    /// <summary>The Lambda-shaped log of this cold start: INIT_START, the wrapper line, the import profile, START/END/REPORT or INIT_REPORT.</summary>
    public required string Log { get; init; }
}
