using ColdStart.Analysis;
using ColdStart.Cli.Internal;

namespace ColdStart.Cli.Rendering.Internal;

/// <summary>Sentences and table rows shared by the text, Markdown and HTML report renderers.</summary>
internal static class ReportText
{
    public static string ColdStartsLine(ImportTimeReport report)
    {
        var byType = report.Summary.ColdStartsByInitType.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value}").ToList();
        var sources = report.Summary.Sources.Count;
        return $"{report.Summary.ColdStarts} cold start{(report.Summary.ColdStarts == 1 ? "" : "s")}"
            + (byType.Count > 0 ? $" ({string.Join(", ", byType)})" : "")
            + $" from {sources} source{(sources == 1 ? "" : "s")}"
            + (report.Summary.IncompleteColdStarts.Total is var incomplete and > 0 ? $", {incomplete} incomplete left out" : "")
            + (report.Summary.PartialInputs.Count is var partial and > 0 ? $"; PARTIAL INPUT: {partial} source{(partial == 1 ? "" : "s")} read only up to a break" : "");
    }

    public static string PercentilesLine(Percentiles p) => p.Count == 0
        ? "no REPORT or INIT_REPORT line with Init Duration"
        : $"p50 {Format.Ms(p.P50)}  p90 {Format.Ms(p.P90)}  p99 {Format.Ms(p.P99)}  max {Format.Ms(p.Max)} ms ({p.Count} environments)";

    public static string InitImportsLine(ImportTimeReport report)
    {
        var summary = report.Summary;
        var p = summary.InitImportMs;
        var line = $"p50 {Format.Ms(p.P50)}  p90 {Format.Ms(p.P90)}  max {Format.Ms(p.Max)} ms per cold start";
        if (report.Split != PhaseSplit.Known)
        {
            return $"unknown for {summary.ColdStartsWithUnknownSplit} of {summary.ColdStarts} cold starts (init output logged after START): pass --split-after REGEX, a line your module prints last";
        }

        return summary.ColdStartsWithUnknownInitImports == 0
            ? line
            : $"unknown for {summary.ColdStartsWithUnknownInitImports} of {summary.ColdStarts} cold starts (a child Python process printed its profile during init)"
                + (p.Count > 0 ? $"; {line} over the other {p.Count}" : "");
    }

    public static string FirstInvocationLine(ImportTimeReport report)
    {
        var duration = report.Summary.FirstInvocationDurationMs;
        var lazy = report.Summary.FirstInvocationLazyImportMs;
        if (duration.Count == 0)
        {
            return "no REPORT line after a profiled cold start";
        }

        var lazyText = lazy.Count == 0 ? "lazy imports unknown"
            : $"of which lazy imports p50 {Format.Ms(lazy.P50)}  max {Format.Ms(lazy.Max)} ms"
              + (lazy.Count < duration.Count ? $" ({duration.Count - lazy.Count} unknown)" : "");
        return $"duration p50 {Format.Ms(duration.P50)}  p90 {Format.Ms(duration.P90)} ms, {lazyText} ({duration.Count} cold starts)";
    }

    public static string IncompleteLine(IncompleteColdStarts incomplete) =>
        $"{incomplete.Total} left out of every figure: {string.Join(", ", incomplete.NonZero.Select(r => $"{Labels.IncompleteReasonText(r.Reason)} {r.Count}"))}";

    /// <summary>
    /// Modules imported per cold start, init phase and handler phase: median, p90 and max, over the cold starts whose figure
    /// is known (says how many when some are not; "unknown" when none is).
    /// </summary>
    public static string ModulesImportedLine(ReportSummary summary)
    {
        string Part(string phase, Percentiles p) => p.Count == 0
            ? $"{phase} unknown"
            : $"{phase} p50 {Format.Count((long)p.P50!.Value)}  p90 {Format.Count((long)p.P90!.Value)}  max {Format.Count((long)p.Max!.Value)}"
                + (p.Count < summary.ColdStarts ? $" (over the {p.Count} of {summary.ColdStarts} cold starts where it is known)" : "");

        return $"{Part("init", summary.InitModulesImported)}; {Part("handler", summary.HandlerModulesImported)} per cold start";
    }

    public static string SubprocessLine(ReportSummary summary) =>
        $"{summary.Subprocesses} in {summary.ColdStartsWithSubprocesses} cold start{(summary.ColdStartsWithSubprocesses == 1 ? "" : "s")}, their imports p50 {Format.Ms(summary.SubprocessImportMs.P50)}  max {Format.Ms(summary.SubprocessImportMs.Max)} ms per cold start (not in the figures above)";

    public static string PartialLine(SourceSummary source) =>
        $"{source.Name}: {source.Partial!.Reason} at byte {Format.Count(source.Partial.ByteOffset)}; read up to there (--allow-partial)";

    public static string InvocationsLine(ImportTimeReport report) =>
        $"{Format.Count(report.Summary.Invocations)} REPORT lines, {Format.Count(report.Summary.ColdInvocations)} of them cold";

    public static string LinesLine(ImportTimeReport report)
    {
        var summary = report.Summary;
        var reasons = summary.Skipped.NonZero.Select(r => $"{Labels.SkipReasonText(r.Reason)} {Format.Count(r.Count)}").ToList();
        return $"{Format.Count(summary.LinesRead)} read: {Format.Count(summary.LinesUsed)} used, {Format.Count(summary.LinesIgnored)} ignored (function output and other lines), "
            + $"{Format.Count(summary.Skipped.Total)} skipped or anomalous"
            + (reasons.Count > 0 ? $" ({string.Join(", ", reasons)})" : "");
    }

    /// <summary>The key/value rows of the summary block, shared by text, Markdown and HTML.</summary>
    /// <param name="report">The report.</param>
    /// <param name="withUnknown">Include rows whose figure is unknown (text and Markdown say "unknown"; HTML leaves them out).</param>
    public static IReadOnlyList<IReadOnlyList<string>> SummaryRows(ImportTimeReport report, bool withUnknown = true)
    {
        var summary = report.Summary;
        var rows = new List<IReadOnlyList<string>>();
        rows.AddRange(summary.PartialInputs.Select(s => (IReadOnlyList<string>)["Partial input", PartialLine(s)]));
        if (summary.IncompleteColdStarts.Total > 0)
        {
            rows.Add(["Incomplete cold starts", IncompleteLine(summary.IncompleteColdStarts)]);
        }

        rows.Add(["Init Duration", PercentilesLine(summary.InitDurationMs)]);
        if (withUnknown || report.MedianInitImportMs is not null)
        {
            rows.Add(["Init-phase imports", InitImportsLine(report)]);
        }

        if (withUnknown || summary.InitModulesImported.Count > 0 || summary.HandlerModulesImported.Count > 0)
        {
            rows.Add(["Modules imported", ModulesImportedLine(summary)]);
        }

        rows.Add(["First invocation", FirstInvocationLine(report)]);
        if (summary.Subprocesses > 0)
        {
            rows.Add(["Child processes", SubprocessLine(summary)]);
        }

        rows.Add(["Invocations", InvocationsLine(report)]);
        rows.Add(["Lines", LinesLine(report)]);
        rows.AddRange(summary.Sources.Select(s => (IReadOnlyList<string>)["Source", SourceLine(s)]));
        return rows;
    }

    public static string SourceLine(SourceSummary source) =>
        $"{source.Name}: " + (source.DuplicateOf is { } original
            ? $"the same bytes as {original}, skipped"
            : $"{Labels.Format(source.DetectedFormat)}{(source.Compressed ? " (gzip)" : "")}, {Format.Count(source.Lines)} lines");

    public static readonly string[] ModuleHeaders = ["module", "class", "median ms", "min", "max", "cold starts"];

    public static IReadOnlyList<string> ModuleRow(ModuleStat m, int coldStarts) =>
        [m.Name, Labels.Class(m.Class), Format.Ms(m.MedianMs), Format.Ms(m.MinMs), Format.Ms(m.MaxMs), $"{m.ColdStarts}/{coldStarts}"];

    public static readonly string[] LazyHeaders = ["module", "class", "median ms", "min", "max", "in 1st invocation", "cold starts"];

    public static IReadOnlyList<string> LazyRow(ModuleStat m, int coldStarts) =>
        [m.Name, Labels.Class(m.Class), Format.Ms(m.MedianMs), Format.Ms(m.MinMs), Format.Ms(m.MaxMs), Format.Ms(m.MedianFirstInvocationMs), $"{m.ColdStarts}/{coldStarts}"];

    public const string LazyExplanation =
        "Imported inside the handler (after START): each adds its time to the invocation that first needs it; \"in 1st invocation\" is the median it added to the first invocation after a cold start.";

    public static readonly string[] IneffectiveHeaders = ["module", "class", "loaded at init by", "init ms (median)", "cold starts"];

    /// <summary>A row; the cold starts are counted out of those that can show it (<see cref="ImportTimeReport.ColdStartsWithCachedRows"/>).</summary>
    public static IReadOnlyList<string> IneffectiveRow(IneffectiveLazyImport i, ImportTimeReport report) =>
        [i.Name, Labels.Class(i.Class), LoadedBy(i), Format.Ms(i.MedianInitCumulativeMs), $"{i.ColdStarts}/{report.ColdStartsWithCachedRows}"];

    /// <summary>The explanation, saying out of how many cold starts when not every one could show it.</summary>
    public static string IneffectiveExplanationFor(ImportTimeReport report) =>
        report.ColdStartsWithCachedRows < report.Summary.ColdStarts
            ? $"{IneffectiveExplanation} Counted out of the {report.ColdStartsWithCachedRows} of {report.Summary.ColdStarts} cold starts whose profile has cached rows; the others (before Python 3.14, or at level 1) cannot show it."
            : IneffectiveExplanation;

    public static string LoadedBy(IneffectiveLazyImport i) =>
        i.LoadedAtInit == 0 ? "not in the profile (loaded before it began)"
        : (i.LoadedBy ?? "the top level of init") + (i.LoadedAtInit < i.ColdStarts ? $" (in {i.LoadedAtInit} of {i.ColdStarts})" : "");

    public const string IneffectiveTitle = "Lazy imports that saved nothing (already loaded)";

    public const string IneffectiveExplanation =
        "The handler imports these, but init had already loaded them (Python 3.14 cached rows): deferring the import moved nothing out of init. Defer or drop the init-phase importer instead.";

    public const string IneffectiveNone = "None: no import in the handler found its module already loaded.";

    public const string IneffectiveUnknown = "Unknown: needs cached rows, which only Python 3.14+ prints (-X importtime=2, or PYTHONPROFILEIMPORTTIME=2); or the phase split is unknown.";

    /// <summary>" (cached)" when the row was cached in every cold start with this path, " (cached in n/m)" when in some, "" otherwise.</summary>
    public static string CachedMark(TreeNode node) =>
        node.Cached ? " (cached)" : node.CachedColdStarts > 0 ? $" (cached in {node.CachedColdStarts}/{node.ColdStarts})" : "";

    public const string TreeExplanation = "Median cumulative and self ms across the cold starts that contain the module.";

    /// <summary>Levels indented in text trees; deeper ones are drawn at this indentation with their depth written out.</summary>
    public const int MaxIndentedDepth = 32;

    /// <summary>
    /// The indentation of a tree line: two spaces per level, up to <see cref="MaxIndentedDepth"/> levels, then
    /// "[depth N] ", so a chain thousands of imports deep cannot make the output grow with the square of its depth.
    /// </summary>
    public static string Indent(int depth) => depth <= MaxIndentedDepth
        ? new string(' ', 2 * depth)
        : new string(' ', 2 * MaxIndentedDepth) + $"[depth {depth}] ";

    /// <summary>Walks the tree depth-first (pre-order), yielding each node with its depth; no recursion, so any depth is fine.</summary>
    public static IEnumerable<(TreeNode Node, int Depth)> Walk(IReadOnlyList<TreeNode> roots)
    {
        var pending = new Stack<(TreeNode Node, int Depth)>();
        for (var i = roots.Count - 1; i >= 0; i--)
        {
            pending.Push((roots[i], 0));
        }

        while (pending.TryPop(out var next))
        {
            yield return next;
            var children = next.Node.Children;
            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push((children[i], next.Depth + 1));
            }
        }
    }
}
