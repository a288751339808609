using ColdStart.Analysis;

namespace ColdStart.Lab;

/// <summary>A function's local cold starts, the log they make, and what it says.</summary>
public sealed class FunctionProfile
{
    internal FunctionProfile(LambdaFunction function)
    {
        Function = function;
    }

    /// <summary>The function.</summary>
    public LambdaFunction Function { get; }

    /// <summary>Why no cold start could be run (no interpreter for the runtime, a wrapper not in a local layer…); null when they ran.</summary>
    public string? Problem { get; internal set; }

    /// <summary>The interpreter used; null when <see cref="Problem"/> prevented the runs.</summary>
    public string? Python { get; internal set; }

    /// <summary>Its full version (e.g. <c>3.13.0</c>), as it reported it; null when unknown.</summary>
    public string? PythonVersion { get; internal set; }

    /// <summary>How each cold start was started, with the local paths (e.g. <c>…/importtime_wrapper …/python3.13 -S …/bootstrap.py</c>).</summary>
    public IReadOnlyList<string> Argv { get; internal set; } = [];

    /// <summary>Whether the function's wrapper ran (<c>AWS_LAMBDA_EXEC_WRAPPER</c> from a local layer); false when it has none.</summary>
    public bool RanWrapper { get; internal set; }

    /// <summary>What was imported before the handler module.</summary>
    public PreloadPlan? Preload { get; internal set; }

    /// <summary>The cold starts, in the order they ran.</summary>
    public IReadOnlyList<LocalColdStart> ColdStarts { get; internal set; } = [];

    /// <summary>The completed cold starts' log, as <c>coldstart report</c> would read it from Lambda; empty when none completed.</summary>
    public string Log { get; internal set; } = "";

    /// <summary>The parsed <see cref="Log"/>; null when no cold start completed.</summary>
    public ParseResult? Parsed { get; internal set; }

    /// <summary>One sentence each about what the lab could not reproduce for this function (unresolved variables, layers that are not local…).</summary>
    public IReadOnlyList<string> Notes { get; internal set; } = [];

    /// <summary>Preloaded modules the local interpreter could not import (over all cold starts).</summary>
    public IReadOnlyList<string> PreloadMissing => ColdStarts.SelectMany(c => c.PreloadMissing).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Modules loaded before the handler module in any cold start: start-up and preload. Their import by the handler cannot be seen.</summary>
    public IReadOnlySet<string> LoadedBeforeHandler => ColdStarts.SelectMany(c => c.LoadedBeforeHandler).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Python processes the function's cold starts started (multiprocessing's spawn and forkserver children get
    /// <c>-X importtime</c> too): the parser keeps their import profiles apart from the function's, and a phase in
    /// which one printed has an unknown import time.
    /// </summary>
    public int ChildProcesses => Parsed?.ColdStarts.Sum(c => c.Subprocesses) ?? 0;

    /// <summary>
    /// Completed cold starts whose import profile the parser did not count as one complete cold start (it found more
    /// profiles than ran, or left some out as incomplete); 0 when every completed cold start is in the report once.
    /// </summary>
    public int UnaccountedProfiles => Parsed is null ? 0 : Math.Abs(Parsed.ColdStarts.Count - Completed) + Parsed.IncompleteColdStarts.Total;

    /// <summary>Cold starts that count in the report.</summary>
    public int Completed => ColdStarts.Count(c => c.Completed);

    /// <summary>The handler's module, dotted (<c>pkg/app.handler</c> → <c>pkg.app</c>).</summary>
    public string HandlerModule => Function.Handler[..Math.Max(0, Function.Handler.LastIndexOf('.'))].Replace('/', '.');

    /// <summary>
    /// How much the headline figures varied across the completed cold starts: init-phase import time, the lazy imports
    /// of the first invocation, and Init Duration.
    /// </summary>
    public IReadOnlyList<Spread> Noise
    {
        get
        {
            var coldStarts = Parsed?.ColdStarts ?? [];
            return
            [
                Spread.Of("init-phase imports", coldStarts.Select(c => c.InitImportMicros / 1000.0)),
                Spread.Of("lazy imports in the first invocation", coldStarts.Select(c => c.FirstInvocationImportMicros / 1000.0)),
                Spread.Of("Init Duration", coldStarts.Select(c => c.InitDurationMs)),
            ];
        }
    }

    /// <summary>The report <c>coldstart report</c> would print for <see cref="Log"/>; null when no cold start completed.</summary>
    /// <param name="options">What to include; default: <see cref="ReportOptions"/> with its defaults.</param>
    public ImportTimeReport? Report(ReportOptions? options = null) =>
        Parsed is { ColdStarts.Count: > 0 } parsed ? ImportTimeReport.Build(parsed, options) : null;
}
