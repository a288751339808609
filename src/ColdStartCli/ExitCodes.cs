namespace ColdStart.Cli;

/// <summary>The process exit codes of <c>coldstart</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked (and any budget was met).</summary>
    public const int Success = 0;

    /// <summary><c>--budget-ms</c> was given and the measured metric exceeds it.</summary>
    public const int BudgetExceeded = 1;

    /// <summary>Bad arguments, an unreadable or unwritable file, or input without an import-time profile.</summary>
    public const int UsageError = 2;
}
