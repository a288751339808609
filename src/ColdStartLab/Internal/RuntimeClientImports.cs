namespace ColdStart.Lab.Internal;

/// <summary>
/// What the Lambda runtime client imports before it imports the handler module, per runtime, as module names
/// (<c>--preload auto</c>). Read from the source of awslambdaric, the runtime interface client AWS publishes:
/// the module-level imports of <c>__main__.py</c>, <c>bootstrap.py</c>, <c>lambda_context.py</c>,
/// <c>lambda_runtime_client.py</c>, <c>lambda_runtime_marshaller.py</c>, <c>lambda_runtime_log_utils.py</c> and
/// <c>lambda_runtime_exception.py</c> in the 2.x line after 2.0.8 (the release that made <c>http.client</c> a lazy
/// import of the init-error path). The runtime client's own modules cannot be imported outside Lambda, so only the
/// standard-library and bundled third-party modules they import are listed, in the order they are first imported.
/// Which runtime client a managed runtime ships is not published: the lists are inferred, not observed. See docs/lab.md.
/// </summary>
internal static class RuntimeClientImports
{
    /// <summary>One line naming the source, shown in reports.</summary>
    public const string Source = "awslambdaric 2.x (>= 2.0.8) module-level imports (bootstrap.py, lambda_context.py, lambda_runtime_client.py, lambda_runtime_marshaller.py, lambda_runtime_log_utils.py)";

    private static readonly string[] AwsLambdaRic2 =
    [
        // bootstrap.py
        "importlib", "json", "logging", "os", "sys", "time", "traceback",
        // lambda_runtime_client.py (ThreadPoolExecutor for the /next call since 2.0.8)
        "concurrent.futures",
        // lambda_runtime_marshaller.py; simplejson is bundled with the runtime client, not part of the standard library
        "decimal", "math", "simplejson",
        // lambda_runtime_log_utils.py (structured logging, since 2.0.6)
        "datetime", "enum",
    ];

    private static readonly IReadOnlyDictionary<string, string[]> ByRuntime = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["python3.8"] = AwsLambdaRic2,
        ["python3.9"] = AwsLambdaRic2,
        ["python3.10"] = AwsLambdaRic2,
        ["python3.11"] = AwsLambdaRic2,
        ["python3.12"] = AwsLambdaRic2,
        ["python3.13"] = AwsLambdaRic2,
        ["python3.14"] = AwsLambdaRic2,
    };

    /// <summary>The runtimes with a list of their own.</summary>
    public static IEnumerable<string> Runtimes => ByRuntime.Keys;

    /// <summary>The modules for <paramref name="runtime"/>; a runtime newer than the table gets the newest list.</summary>
    public static (IReadOnlyList<string> Modules, string Runtime) For(string runtime)
    {
        if (ByRuntime.TryGetValue(runtime, out var modules))
        {
            return (modules, runtime);
        }

        var newest = ByRuntime.Keys.MaxBy(r => LocalPython.Minor(r[6..]))!;
        return (ByRuntime[newest], newest);
    }
}
