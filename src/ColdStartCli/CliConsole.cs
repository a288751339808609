namespace ColdStart.Cli;

/// <summary>The streams the command reads and writes, and what they are attached to; tests pass their own.</summary>
public sealed class CliConsole
{
    /// <summary>Where reports go unless <c>--output</c> is given.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Where error messages, budget verdicts and the progress bar go.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Opens standard input, for the file name <c>-</c>.</summary>
    public required Func<Stream> OpenStdin { get; init; }

    /// <summary>False when <see cref="Out"/> is a terminal. Default: true.</summary>
    public bool IsOutputRedirected { get; init; } = true;

    /// <summary>False when <see cref="Error"/> is a terminal (then large inputs get a progress bar). Default: true.</summary>
    public bool IsErrorRedirected { get; init; } = true;

    /// <summary>The process's real console.</summary>
    public static CliConsole System() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        OpenStdin = Console.OpenStandardInput,
        IsOutputRedirected = Console.IsOutputRedirected,
        IsErrorRedirected = Console.IsErrorRedirected,
    };
}
