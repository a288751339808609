namespace ColdStart.Analysis;

/// <summary>The counts at the top of a report.</summary>
/// <param name="ColdStarts">Cold starts with an import profile.</param>
/// <param name="ColdStartsByInitType">Those cold starts by init type (<c>on-demand</c>, <c>provisioned-concurrency</c>, <c>snap-start</c>, <c>unknown</c>); only types seen.</param>
/// <param name="ColdStartsWithUnknownSplit">Cold starts whose init/invoke split is unknown (init output logged after START, no marker).</param>
/// <param name="InitDurationMs">Init Duration over environments: every REPORT that has one, plus the INIT_REPORT of profiled cold starts whose REPORT has none.</param>
/// <param name="InitImportMs">Init-phase import time (sum of init roots' cumulative) per cold start.</param>
/// <param name="FirstInvocationDurationMs">Duration of the first invocation after each profiled cold start.</param>
/// <param name="FirstInvocationLazyImportMs">Lazy import time inside that first invocation, per profiled cold start that has a first invocation.</param>
/// <param name="Invocations">REPORT lines seen.</param>
/// <param name="ColdInvocations">Those that were cold (see <see cref="Invocation.IsColdStart"/>).</param>
/// <param name="LinesRead">Lines read.</param>
/// <param name="LinesUsed">Lines that fed the model.</param>
/// <param name="LinesIgnored">The function's own output and other ignored lines.</param>
/// <param name="BytesRead">Bytes read.</param>
/// <param name="Skipped">Dropped lines and anomalies by reason.</param>
/// <param name="Sources">The inputs and their detected formats.</param>
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
    IReadOnlyList<SourceSummary> Sources);
