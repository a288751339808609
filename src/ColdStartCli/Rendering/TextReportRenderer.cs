using ColdStart.Analysis;
using ColdStart.Cli.Internal;
using ColdStart.Cli.Rendering.Internal;

namespace ColdStart.Cli.Rendering;

/// <summary>Renders an import-time report as aligned plain text for a terminal.</summary>
internal static class TextReportRenderer
{
    public static string Render(ImportTimeReport report)
    {
        var o = new StringWriter { NewLine = "\n" };
        var coldStarts = report.Summary.ColdStarts;
        o.WriteLine($"coldstart report: {ReportText.ColdStartsLine(report)}");
        o.WriteLine();
        o.WriteLine("Summary");
        TextTable.Write(o, ["", ""], ReportText.SummaryRows(report), headerless: true);

        Modules(o, $"Top {report.TopBySelf.Count} modules by self time (median across cold starts)", report.TopBySelf, coldStarts);
        Modules(o, $"Top {report.TopByCumulative.Count} modules by cumulative time", report.TopByCumulative, coldStarts);

        o.WriteLine();
        o.WriteLine("Lazy imports (handler phase)");
        if (report.LazyImports.Count == 0)
        {
            o.WriteLine(report.Split == PhaseSplit.Known ? "  none: every import ran at init." : "  unknown: the phase split is unknown (see --split-after).");
        }
        else
        {
            o.WriteLine($"  {ReportText.LazyExplanation}");
            TextTable.Write(o, ReportText.LazyHeaders, report.LazyImports.Select(m => ReportText.LazyRow(m, coldStarts)), leftAligned: 2);
        }

        o.WriteLine();
        o.WriteLine(ReportText.IneffectiveTitle);
        if (report.IneffectiveLazyImports is not { } ineffective)
        {
            o.WriteLine($"  {ReportText.IneffectiveUnknown}");
        }
        else if (ineffective.Count == 0)
        {
            o.WriteLine($"  {ReportText.IneffectiveNone}");
        }
        else
        {
            o.WriteLine($"  {ReportText.IneffectiveExplanationFor(report)}");
            TextTable.Write(o, ReportText.IneffectiveHeaders, ineffective.Select(i => ReportText.IneffectiveRow(i, report)), leftAligned: 3);
        }

        o.WriteLine();
        o.WriteLine("Import tree");
        o.WriteLine($"  {ReportText.TreeExplanation}");
        var rows = ReportText.Walk(report.Tree).Select(t => (IReadOnlyList<string>)[
            ReportText.Indent(t.Depth) + t.Node.Name + (t.Node.Phase == ImportPhase.Invoke ? " (lazy)" : "") + ReportText.CachedMark(t.Node),
            Labels.Class(t.Node.Class),
            Format.Ms(t.Node.MedianCumulativeMs),
            Format.Ms(t.Node.MedianSelfMs),
        ]).ToList();
        if (rows.Count == 0)
        {
            o.WriteLine("  (nothing matches --max-depth / --min-ms / --module)");
        }
        else
        {
            TextTable.Write(o, ["module", "class", "cumulative ms", "self ms"], rows, leftAligned: 2);
        }

        return o.ToString();
    }

    private static void Modules(StringWriter o, string title, IReadOnlyList<ModuleStat> modules, int coldStarts)
    {
        o.WriteLine();
        o.WriteLine(title);
        TextTable.Write(o, ReportText.ModuleHeaders, modules.Select(m => ReportText.ModuleRow(m, coldStarts)), leftAligned: 2);
    }
}
