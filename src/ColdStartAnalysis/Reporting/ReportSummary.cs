namespace ColdStart.Analysis;

/// <summary>The counts at the top of a report.</summary>
/// <param name="ColdStarts">Cold starts with a complete import profile (those every other figure is about).</param>
/// <param name="ColdStartsByInitType">Those cold starts by init type (<c>on-demand</c>, <c>provisioned-concurrency</c>, <c>snap-start</c>, <c>unknown</c>); only types seen.</param>
/// <param name="ColdStartsWithUnknownSplit">Cold starts whose init/invoke split is unknown (init output logged after START, no marker).</param>
/// <param name="InitDurationMs">Init Duration over environments: every REPORT that has one, plus the INIT_REPORT of profiled cold starts whose REPORT has none.</param>
/// <param name="InitImportMs">Init-phase import time (sum of init roots' cumulative) per cold start whose figure is known;
/// cold starts where it is unknown (<see cref="ColdStartProfile.InitImportMicros"/> null) are left out, so
/// <see cref="Percentiles.Count"/> can be below <paramref name="ColdStarts"/>.</param>
/// <param name="FirstInvocationDurationMs">Duration of the first invocation after each profiled cold start.</param>
/// <param name="FirstInvocationLazyImportMs">Lazy import time inside that first invocation, per profiled cold start that has a first
/// invocation and a known figure (<see cref="ColdStartProfile.FirstInvocationImportMicros"/>).</param>
/// <param name="Invocations">REPORT lines seen.</param>
/// <param name="ColdInvocations">Those that were cold (see <see cref="Invocation.IsColdStart"/>).</param>
/// <param name="LinesRead">Lines read.</param>
/// <param name="LinesUsed">Lines that fed the model.</param>
/// <param name="LinesIgnored">The function's own output and other ignored lines.</param>
/// <param name="BytesRead">Bytes read.</param>
/// <param name="Skipped">Dropped lines and anomalies by reason.</param>
/// <param name="Sources">The inputs and their detected formats.</param>
/// <param name="IncompleteColdStarts">Cold starts left out of every figure because their profile is visibly incomplete, by reason.</param>
/// <param name="ColdStartsWithUnknownInitImports">Cold starts whose init-phase import time is unknown (split unknown, or a child
/// Python process printed its profile during init).</param>
/// <param name="Subprocesses">Child Python processes whose profiles were printed into the cold starts' logs.</param>
/// <param name="ColdStartsWithSubprocesses">Cold starts with at least one child Python process.</param>
/// <param name="SubprocessImportMs">Import time of the child processes' rows per cold start that has any (see
/// <see cref="ColdStartProfile.SubprocessImportMicros"/>).</param>
public sealed record ReportSummary(
    int ColdStarts,
    IReadOnlyDictionary<string, int> ColdStartsByInitType,
    int ColdStartsWithUnknownSplit,
    Percentiles InitDurationMs,
    Percentiles InitImportMs,
    Percentiles FirstInvocationDurationMs,
    Percentiles FirstInvocationLazyImportMs,
    int Invocations,
    int ColdInvocations,
    long LinesRead,
    long LinesUsed,
    long LinesIgnored,
    long BytesRead,
    SkipCounts Skipped,
    IReadOnlyList<SourceSummary> Sources,
    IncompleteColdStarts IncompleteColdStarts,
    int ColdStartsWithUnknownInitImports,
    int Subprocesses,
    int ColdStartsWithSubprocesses,
    Percentiles SubprocessImportMs)
{
    /// <summary>
    /// Modules imported in the init phase, per cold start: its import rows whose phase is Init (cached 3.14 rows and child
    /// processes' rows not counted). Cold starts whose figure is unknown (split unknown, or a child Python process printed its
    /// profile during init) are left out, so <see cref="Percentiles.Count"/> can be below <see cref="ColdStarts"/>.
    /// Default: <see cref="Percentiles.Empty"/>.
    /// </summary>
    public Percentiles InitModulesImported { get; init; } = Percentiles.Empty;

    /// <summary>
    /// Modules imported in the handler phase (lazy imports inside requests), per cold start: its import rows whose phase is
    /// Invoke, over every request the environment served (cached 3.14 rows and child processes' rows not counted). Cold starts
    /// whose figure is unknown (split unknown, or a child Python process printed its profile during a request) are left out.
    /// Default: <see cref="Percentiles.Empty"/>.
    /// </summary>
    public Percentiles HandlerModulesImported { get; init; } = Percentiles.Empty;

    /// <summary>Inputs read only up to a break (<see cref="ParseOptions.AllowPartial"/>).</summary>
    public IReadOnlyList<SourceSummary> PartialInputs => Sources.Where(s => s.Partial is not null).ToList();

    /// <summary>Inputs skipped whole because an earlier input had the same bytes.</summary>
    public IReadOnlyList<SourceSummary> DuplicateInputs => Sources.Where(s => s.DuplicateOf is not null).ToList();

    /// <summary>Lines dropped because an earlier input already had the same event.</summary>
    public long DuplicateEventsDropped => Skipped[SkipReason.DuplicateEvent];
}
