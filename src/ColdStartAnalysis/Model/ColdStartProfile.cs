namespace ColdStart.Analysis;

/// <summary>
/// One cold start: one interpreter start with its import profile. It begins at the wrapper's
/// profile-start line or at the importtime header. (Named <c>ColdStartProfile</c> rather than
/// <c>ColdStart</c> so it does not collide with the <c>ColdStart</c> root namespace.)
/// </summary>
public sealed class ColdStartProfile
{
    internal ColdStartProfile(string stream, DateTimeOffset? timestamp)
    {
        Stream = stream;
        Timestamp = timestamp;
    }

    /// <summary>Log stream (= execution environment); the source name when the input has no stream names.</summary>
    public string Stream { get; }

    /// <summary>
    /// <c>on-demand</c>, <c>provisioned-concurrency</c>, <c>snap-start</c> or <c>unknown</c>, from the wrapper line
    /// or <c>platform.initStart</c>. Default: <c>unknown</c>.
    /// </summary>
    public string InitType { get; internal set; } = InitTypes.Unknown;

    /// <summary>Runtime version from <c>INIT_START</c> (e.g. <c>python:3.13.v14</c>); null when not logged.</summary>
    public string? RuntimeVersion { get; internal set; }

    /// <summary>Interpreter path from the wrapper line; null when not logged.</summary>
    public string? Interpreter { get; internal set; }

    /// <summary>Top-level imports (depth 0), in printed order.</summary>
    public IReadOnlyList<ImportNode> Roots => RootList;

    internal List<ImportNode> RootList { get; } = [];

    /// <summary>Every import, depth-first, each parent before its children.</summary>
    public IEnumerable<ImportNode> AllImports
    {
        get
        {
            var stack = new Stack<ImportNode>();
            for (var i = RootList.Count - 1; i >= 0; i--)
            {
                stack.Push(RootList[i]);
            }

            while (stack.Count > 0)
            {
                var node = stack.Pop();
                yield return node;
                for (var i = node.Children.Count - 1; i >= 0; i--)
                {
                    stack.Push(node.Children[i]);
                }
            }
        }
    }

    /// <summary>Whether every import's phase is known.</summary>
    public PhaseSplit Split { get; internal set; } = PhaseSplit.Known;

    /// <summary>The REPORT of the first invocation after this cold start in its stream; null when none was logged.</summary>
    public ReportMetrics? FirstReport { get; internal set; }

    /// <summary>
    /// Init Duration of this environment: from <c>INIT_REPORT</c> (provisioned concurrency, SnapStart) or else from
    /// <see cref="FirstReport"/>; null when neither was logged.
    /// </summary>
    public double? InitDurationMs { get; internal set; }

    /// <summary>When the cold start began, when the input carries timestamps; otherwise null.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>
    /// Sum of the cumulative time of the init-phase roots, in microseconds; null (unknown, never 0) when the init/handler
    /// split is unknown (<see cref="Split"/>) or a child Python process printed its profile during init, whose rows
    /// cannot be told apart from the parent's.
    /// </summary>
    public long? InitImportMicros => InitImportMicrosFrom(SumRoots);

    /// <summary>
    /// Sum of the cumulative time of the invoke-phase (lazy) roots of every request, in microseconds; null when the split
    /// is unknown or a child Python process printed its profile during a request.
    /// </summary>
    public long? InvokeImportMicros => InvokeImportMicrosFrom(SumRoots);

    /// <summary>
    /// Lazy import time inside the first invocation (the request of <see cref="FirstReport"/>), in microseconds; null when
    /// there is no first REPORT, the split is unknown, or a child Python process printed its profile during that request.
    /// </summary>
    public long? FirstInvocationImportMicros => FirstInvocationImportMicrosFrom(SumRoots);

    /// <summary>
    /// Child Python processes (multiprocessing spawn/forkserver workers, <c>subprocess</c> runs of Python) that printed an
    /// import profile into this environment's log while this interpreter ran: each importtime header inside an open init or
    /// request. Their rows are not part of this cold start's forest or figures. Default: 0.
    /// </summary>
    public int Subprocesses { get; internal set; }

    /// <summary>
    /// Sum of the cumulative time of the top-level rows printed after a child process's header until the phase ended (see
    /// docs/analysis.md: rows the parent printed in that span are counted here too), in microseconds. Default: 0.
    /// </summary>
    public long SubprocessImportMicros { get; internal set; }

    internal bool SubprocessDuringInit { get; set; }

    internal bool SubprocessDuringInvoke { get; set; }

    internal bool SubprocessDuringFirstInvocation { get; set; }

    /// <summary><see cref="InitImportMicros"/>, with the roots' sums taken from <paramref name="sumRoots"/> (phase, request
    /// or null for any): the streaming report reads them from the parser's rows, not from <see cref="Roots"/>.</summary>
    internal long? InitImportMicrosFrom(Func<ImportPhase, string?, long> sumRoots) =>
        Split == PhaseSplit.Unknown || SubprocessDuringInit ? null : sumRoots(ImportPhase.Init, null);

    /// <summary><see cref="InvokeImportMicros"/>, with the roots' sums taken from <paramref name="sumRoots"/>.</summary>
    internal long? InvokeImportMicrosFrom(Func<ImportPhase, string?, long> sumRoots) =>
        Split == PhaseSplit.Unknown || SubprocessDuringInvoke ? null : sumRoots(ImportPhase.Invoke, null);

    /// <summary><see cref="FirstInvocationImportMicros"/>, with the roots' sums taken from <paramref name="sumRoots"/>.</summary>
    internal long? FirstInvocationImportMicrosFrom(Func<ImportPhase, string?, long> sumRoots) =>
        FirstReport is not { } report || Split == PhaseSplit.Unknown || SubprocessDuringFirstInvocation ? null : sumRoots(ImportPhase.Invoke, report.RequestId);

    /// <summary>Sum of the cumulative time of the roots of a phase (and request, when given), in microseconds.</summary>
    internal long SumRoots(ImportPhase phase, string? requestId)
    {
        long sum = 0;
        foreach (var root in RootList)
        {
            if (root.Phase == phase && (requestId is null || ReferenceEquals(root.RequestId, requestId) || root.RequestId == requestId))
            {
                sum += root.CumulativeMicros;
            }
        }

        return sum;
    }

    /// <inheritdoc/>
    public override string ToString() => $"cold start in {Stream}: {RootList.Count} roots, init imports {(InitImportMicros is { } us ? $"{us} µs" : "unknown")}";
}
