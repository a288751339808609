using System.Globalization;

namespace ColdStart.Lab.Internal;

/// <summary>Turns one interpreter's standard error into the log Lambda would have written for that cold start.</summary>
internal static class LambdaLog
{
    /// <summary>
    /// Lambda's platform writes INIT_START before the runtime starts; the rest is the process's standard error up to
    /// the bootstrap's last line (REPORT or INIT_REPORT). What follows it is interpreter shutdown and processes that
    /// outlived the cold start: not part of the cold start, so it is cut and its import rows counted.
    /// </summary>
    public static (string Log, int RowsAfterEnd) Compose(string runtime, string pythonVersion, string stderr, bool completed)
    {
        var start = string.Create(CultureInfo.InvariantCulture,
            $"INIT_START Runtime Version: python:{runtime[6..]}.lab\tRuntime Version ARN: local:coldstart-lab:python{pythonVersion}\n");
        var text = stderr.ReplaceLineEndings("\n");
        if (!completed)
        {
            return (start + text, 0);
        }

        var end = LastLineStarting(text, "REPORT RequestId: ");
        if (end < 0)
        {
            end = LastLineStarting(text, "INIT_REPORT ");
        }

        if (end < 0)
        {
            return (start + text, 0);
        }

        var cut = text.IndexOf('\n', end);
        cut = cut < 0 ? text.Length : cut + 1;
        var after = text[cut..].Split('\n').Count(l => l.StartsWith("import time:", StringComparison.Ordinal) && !l.Contains("imported package", StringComparison.Ordinal));
        return (start + text[..cut], after);
    }

    private static int LastLineStarting(string text, string prefix)
    {
        var at = text.LastIndexOf("\n" + prefix, StringComparison.Ordinal);
        return at >= 0 ? at + 1 : text.StartsWith(prefix, StringComparison.Ordinal) ? 0 : -1;
    }
}
