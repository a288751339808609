using ColdStart.Analysis;
using ColdStart.Cli.Internal;
using ColdStart.Cli.Rendering.Internal;

namespace ColdStart.Cli.Rendering;

/// <summary>Renders an import-time report as GitHub-flavoured Markdown (e.g. for a pull-request comment).</summary>
internal static class MarkdownReportRenderer
{
    public static string Render(ImportTimeReport report)
    {
        var o = new StringWriter { NewLine = "\n" };
        var coldStarts = report.Summary.ColdStarts;
        o.WriteLine("## Cold-start import report");
        o.WriteLine();
        o.WriteLine(MarkdownText.Escape(ReportText.ColdStartsLine(report)) + ".");
        o.WriteLine();
        Table(o, ["", ""], ReportText.SummaryRows(report), numeric: 0);

        o.WriteLine($"### Top {report.TopBySelf.Count} modules by self time");
        o.WriteLine();
        Table(o, ReportText.ModuleHeaders, report.TopBySelf.Select(m => ReportText.ModuleRow(m, coldStarts)));
        o.WriteLine($"### Top {report.TopByCumulative.Count} modules by cumulative time");
        o.WriteLine();
        Table(o, ReportText.ModuleHeaders, report.TopByCumulative.Select(m => ReportText.ModuleRow(m, coldStarts)));

        o.WriteLine("### Lazy imports (handler phase)");
        o.WriteLine();
        if (report.LazyImports.Count == 0)
        {
            o.WriteLine(report.Split == PhaseSplit.Known ? "None: every import ran at init." : "Unknown: the phase split is unknown (see `--split-after`).");
            o.WriteLine();
        }
        else
        {
            o.WriteLine(ReportText.LazyExplanation);
            o.WriteLine();
            Table(o, ReportText.LazyHeaders, report.LazyImports.Select(m => ReportText.LazyRow(m, coldStarts)));
        }

        o.WriteLine($"### {ReportText.IneffectiveTitle}");
        o.WriteLine();
        if (report.IneffectiveLazyImports is not { } ineffective)
        {
            o.WriteLine(MarkdownText.Escape(ReportText.IneffectiveUnknown));
            o.WriteLine();
        }
        else if (ineffective.Count == 0)
        {
            o.WriteLine(ReportText.IneffectiveNone);
            o.WriteLine();
        }
        else
        {
            o.WriteLine(MarkdownText.Escape(ReportText.IneffectiveExplanationFor(report)));
            o.WriteLine();
            Table(o, ReportText.IneffectiveHeaders, ineffective.Select(i => ReportText.IneffectiveRow(i, report)), numeric: 3);
        }

        o.WriteLine("### Import tree");
        o.WriteLine();
        o.WriteLine(ReportText.TreeExplanation + " Format: `module  cumulative / self ms  [class]`.");
        o.WriteLine();
        o.WriteLine("```text");
        foreach (var (node, depth) in ReportText.Walk(report.Tree))
        {
            o.WriteLine($"{ReportText.Indent(depth)}{node.Name}  {Format.Ms(node.MedianCumulativeMs)} / {Format.Ms(node.MedianSelfMs)}  [{Labels.Class(node.Class)}{(node.Phase == ImportPhase.Invoke ? ", lazy" : "")}]{ReportText.CachedMark(node)}");
        }

        o.WriteLine("```");
        return o.ToString();
    }

    /// <param name="numeric">Columns from this index on are right-aligned.</param>
    private static void Table(StringWriter o, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, int numeric = 2)
    {
        o.WriteLine("| " + string.Join(" | ", headers.Select(MarkdownText.Escape)) + " |");
        o.WriteLine("|" + string.Concat(headers.Select((_, i) => numeric > 0 && i >= numeric ? "---:|" : "---|")));
        foreach (var row in rows)
        {
            o.WriteLine("| " + string.Join(" | ", row.Select(MarkdownText.Escape)) + " |");
        }

        o.WriteLine();
    }
}
