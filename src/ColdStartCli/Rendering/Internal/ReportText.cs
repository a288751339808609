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
            + $" from {sources} source{(sources == 1 ? "" : "s")}";
    }

    public static string PercentilesLine(Percentiles p) => p.Count == 0
        ? "no REPORT line with Init Duration"
        : $"p50 {Format.Ms(p.P50)}  p90 {Format.Ms(p.P90)}  p99 {Format.Ms(p.P99)}  max {Format.Ms(p.Max)} ms ({p.Count} reports)";

    public static string InitImportsLine(ImportTimeReport report) => report.Split == PhaseSplit.Known
        ? $"{Format.Ms(report.MedianInitImportMs)} ms median per cold start"
        : "unknown: init output was logged after START; pass --split-after REGEX (a line your module prints last)";

    public static string LinesLine(ImportTimeReport report)
    {
        var skipped = report.Summary.Skipped;
        var reasons = skipped.NonZero.Select(r => $"{Labels.SkipReasonText(r.Reason)} {Format.Count(r.Count)}").ToList();
        return $"{Format.Count(report.Summary.LinesRead)} read, {Format.Count(skipped.Total)} skipped"
            + (reasons.Count > 0 ? $" ({string.Join(", ", reasons)})" : "");
    }

    public static string SourceLine(SourceSummary source) =>
        $"{source.Name}: {Labels.Format(source.DetectedFormat)}, {Format.Count(source.Lines)} lines";

    public static readonly string[] ModuleHeaders = ["module", "class", "median ms", "min", "max", "cold starts"];

    public static IReadOnlyList<string> ModuleRow(ModuleStat m, int coldStarts) =>
        [m.Name, Labels.Class(m.Class), Format.Ms(m.MedianMs), Format.Ms(m.MinMs), Format.Ms(m.MaxMs), $"{m.ColdStarts}/{coldStarts}"];

    public const string LazyExplanation =
        "Imported inside the handler (after START): each adds its time to the invocation that first needs it.";

    public const string TreeExplanation = "Median cumulative and self ms across the cold starts that contain the module.";

    /// <summary>Walks the tree depth-first, yielding each node with its depth.</summary>
    public static IEnumerable<(TreeNode Node, int Depth)> Walk(IEnumerable<TreeNode> roots, int depth = 0)
    {
        foreach (var node in roots)
        {
            yield return (node, depth);
            foreach (var child in Walk(node.Children, depth + 1))
            {
                yield return child;
            }
        }
    }
}
