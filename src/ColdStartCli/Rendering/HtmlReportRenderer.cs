using System.Net;
using System.Text;
using ColdStart.Analysis;
using ColdStart.Cli.Internal;
using ColdStart.Cli.Rendering.Internal;

namespace ColdStart.Cli.Rendering;

/// <summary>
/// Renders an import-time report as one self-contained HTML page: summary cards, an icicle chart in inline
/// SVG (zoomable with the one inline script; complete without it), and the module tables. Nothing is loaded
/// from anywhere: the page's Content-Security-Policy forbids every fetch, font, stylesheet, image and script
/// but the inline script, allowed by its hash.
/// </summary>
internal static class HtmlReportRenderer
{
    private const string Style = """
        :root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --card: #f5f7fa; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 24px 32px 40px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
        h1 { font-size: 22px; margin: 0 0 2px; }
        h2 { font-size: 16px; margin: 28px 0 8px; }
        .sub, .note { color: var(--muted); margin: 0 0 8px; }
        .cards { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin-top: 16px; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
        .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
        .card .value { font-size: 22px; font-weight: 600; margin-top: 2px; }
        .card .detail { color: var(--muted); font-size: 12px; }
        .icicle { display: block; margin-top: 4px; }
        .icicle text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #13202e; pointer-events: none; }
        .icicle .node:hover rect { stroke: #13202e; stroke-width: 1.5; }
        .icicle .off { display: none; }
        .icicle.zoomable .node { cursor: pointer; }
        nav.crumbs { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; margin: 0 0 6px; font-size: 12px; }
        nav.crumbs[hidden] { display: none; }
        nav.crumbs button { font: inherit; color: var(--ink); background: var(--card); border: 1px solid var(--line); border-radius: 4px; padding: 1px 8px; cursor: pointer; }
        nav.crumbs button[aria-current] { font-weight: 600; background: #fff; cursor: default; }
        nav.crumbs .sep { color: var(--muted); }
        .icicle line.axis { stroke: #9aa5b1; stroke-width: 1; }
        .icicle text.axis { fill: var(--muted); font-size: 10px; }
        .icicle line.boundary { stroke: #52606d; stroke-width: 1.5; stroke-dasharray: 4 3; }
        .icicle text.boundary { fill: #52606d; font-size: 11px; font-weight: 600; }
        .legend { display: flex; gap: 18px; flex-wrap: wrap; color: var(--muted); font-size: 12px; margin: 6px 0 0; }
        .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -2px; margin-right: 5px; }
        .swatch.lazy { background: repeating-linear-gradient(45deg, #999 0 3px, #ddd 3px 6px); }
        .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 28px; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
        th { color: var(--muted); font-weight: 600; font-size: 12px; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.name { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; max-width: 280px; overflow: hidden; text-overflow: ellipsis; }
        td.bar { width: 28%; }
        td.bar div { height: 10px; border-radius: 2px; min-width: 1px; }
        details summary { cursor: pointer; color: var(--muted); }
        pre { font: 12px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: var(--card); padding: 12px; border-radius: 6px; overflow-x: auto; }
        footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
        """;

    /// <summary>Nothing from anywhere: no fetch, font, image, frame or form target; inline styles; only our own script.</summary>
    private static readonly string ContentSecurityPolicy =
        $"default-src 'none'; script-src {IcicleZoom.HashSource}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    public static string Render(ImportTimeReport report)
    {
        var summary = report.Summary;
        var o = new StringBuilder();
        o.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        o.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(E(ContentSecurityPolicy)).Append("\">\n");
        o.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        o.Append("<title>coldstart report</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        o.Append("<h1>Cold-start import report</h1>\n");
        o.Append("<p class=\"sub\">").Append(E(ReportText.ColdStartsLine(report))).Append(": ")
            .Append(E(string.Join(", ", summary.Sources.Select(s => s.Name)))).Append("</p>\n");

        o.Append("<div class=\"cards\">\n");
        Card(o, "Cold starts", summary.ColdStarts.ToString(), string.Join(", ", summary.ColdStartsByInitType.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value}")));
        if (report.MedianInitImportMs is { } medianInit)
        {
            Card(o, "Init-phase imports (median)", Format.MsWithUnit(medianInit), "module-level imports per cold start");
        }

        if (summary.InitModulesImported.Count > 0 || summary.HandlerModulesImported.Count > 0)
        {
            Card(o, "Modules imported (median)",
                $"{(summary.InitModulesImported.P50 is { } init ? Format.Count((long)init) : Format.None)} / {(summary.HandlerModulesImported.P50 is { } handler ? Format.Count((long)handler) : Format.None)}",
                "per cold start: init phase / handler phase");
        }

        Card(o, "Init Duration p50 / p90", summary.InitDurationMs.Count == 0 ? Format.None : $"{Format.Ms(summary.InitDurationMs.P50)} / {Format.Ms(summary.InitDurationMs.P90)} ms",
            summary.InitDurationMs.Count == 0 ? "no REPORT with Init Duration" : $"p99 {Format.Ms(summary.InitDurationMs.P99)}, max {Format.Ms(summary.InitDurationMs.Max)} ms, {summary.InitDurationMs.Count} environments");
        if (summary.FirstInvocationLazyImportMs.Count > 0 || summary.FirstInvocationDurationMs.Count == 0)
        {
            Card(o, "Lazy imports in the 1st invocation", summary.FirstInvocationLazyImportMs.Count == 0 ? Format.None : $"{Format.MsWithUnit(summary.FirstInvocationLazyImportMs.P50)}",
                report.LazyImports.Count == 0 ? "no imports in the handler" : $"median; {report.LazyImports.Count} lazy module{(report.LazyImports.Count == 1 ? "" : "s")}, largest {report.LazyImports[0].Name}");
        }
        o.Append("</div>\n");

        o.Append("<h2>Where import time goes</h2>\n<p class=\"note\">Each bar is a module; its width is the median cumulative import time, its children are drawn below it. Hover for the numbers.")
            .Append("<span data-zoom-hint hidden> Click a bar to zoom into it; click it again, a step of the path above the chart, or press Esc to zoom back out.</span></p>\n");
        o.Append("<nav class=\"crumbs\" aria-label=\"Icicle zoom\" hidden></nav>\n");
        o.Append(IcicleChart.Render(report.Tree, summary.ColdStarts)).Append('\n');
        o.Append("<div class=\"legend\">");
        foreach (var cls in Enum.GetValues<ModuleClass>())
        {
            o.Append($"<span><span class=\"swatch\" style=\"background:{IcicleChart.ClassColour(cls)}\"></span>{E(ClassName(cls))}</span>");
        }

        o.Append("<span><span class=\"swatch lazy\"></span>imported in the handler (lazy)</span></div>\n");

        o.Append("<div class=\"columns\">\n<div>\n");
        Modules(o, "Top modules by self time", report.TopBySelf, summary.ColdStarts);
        o.Append("</div>\n<div>\n");
        Modules(o, "Top modules by cumulative time", report.TopByCumulative, summary.ColdStarts);
        o.Append("</div>\n</div>\n");

        o.Append("<h2>Lazy imports (handler phase)</h2>\n");
        if (report.LazyImports.Count == 0)
        {
            o.Append("<p class=\"note\">").Append(report.Split == PhaseSplit.Known ? "None: every import ran at init." : "Unknown: the phase split is unknown (see --split-after).").Append("</p>\n");
        }
        else
        {
            o.Append("<p class=\"note\">").Append(E(ReportText.LazyExplanation)).Append("</p>\n");
            ModuleTable(o, report.LazyImports, summary.ColdStarts, withFirstInvocation: true);
        }

        if (report.IneffectiveLazyImports is { } ineffective)
        {
            // unknown (no cached rows, i.e. not Python 3.14's level 2) is left out, as every unknown figure in HTML
            o.Append("<h2>").Append(E(ReportText.IneffectiveTitle)).Append("</h2>\n<p class=\"note\">")
                .Append(E(ineffective.Count == 0 ? ReportText.IneffectiveNone : ReportText.IneffectiveExplanationFor(report))).Append("</p>\n");
            if (ineffective.Count > 0)
            {
                o.Append("<table>\n<tr>");
                foreach (var header in ReportText.IneffectiveHeaders)
                {
                    o.Append("<th>").Append(E(header)).Append("</th>");
                }

                o.Append("</tr>\n");
                foreach (var row in ineffective.Select(i => ReportText.IneffectiveRow(i, report)))
                {
                    o.Append("<tr>").Append(string.Concat(row.Select((cell, k) => k >= 3 ? $"<td class=\"num\">{E(cell)}</td>" : $"<td>{E(cell)}</td>"))).Append("</tr>\n");
                }

                o.Append("</table>\n");
            }
        }

        o.Append("<h2>Summary</h2>\n<table>\n");
        foreach (var row in ReportText.SummaryRows(report, withUnknown: false))
        {
            Row(o, row[0], row[1]);
        }

        o.Append("</table>\n");

        o.Append("<details>\n<summary>Import tree as text (").Append(E(ReportText.TreeExplanation)).Append(")</summary>\n<pre>");
        foreach (var (node, depth) in ReportText.Walk(report.Tree))
        {
            o.Append(E($"{ReportText.Indent(depth)}{node.Name}  {Format.Ms(node.MedianCumulativeMs)} / {Format.Ms(node.MedianSelfMs)} ms  [{Labels.Class(node.Class)}{(node.Phase == ImportPhase.Invoke ? ", lazy" : "")}]{ReportText.CachedMark(node)}")).Append('\n');
        }

        o.Append("</pre>\n</details>\n");
        o.Append("<footer>Generated by coldstart report. Medians are across the cold starts that contain each module.</footer>\n");
        o.Append("<script>").Append(IcicleZoom.Script).Append("</script>\n</body>\n</html>\n");
        return o.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string ClassName(ModuleClass cls) => cls switch
    {
        ModuleClass.LambdaRuntime => "Lambda runtime",
        ModuleClass.StandardLibrary => "standard library",
        ModuleClass.ThirdParty => "third party",
        _ => "your code",
    };

    private static void Card(StringBuilder o, string label, string value, string detail) =>
        o.Append($"<div class=\"card\"><div class=\"label\">{E(label)}</div><div class=\"value\">{E(value)}</div><div class=\"detail\">{E(detail)}</div></div>\n");

    private static void Row(StringBuilder o, string label, string value) =>
        o.Append($"<tr><th>{E(label)}</th><td>{E(value)}</td></tr>\n");

    private static void Modules(StringBuilder o, string title, IReadOnlyList<ModuleStat> modules, int coldStarts)
    {
        o.Append("<h2>").Append(E(title)).Append("</h2>\n");
        ModuleTable(o, modules, coldStarts);
    }

    private static void ModuleTable(StringBuilder o, IReadOnlyList<ModuleStat> modules, int coldStarts, bool withFirstInvocation = false)
    {
        var longest = modules.Count == 0 ? 0 : modules.Max(m => m.MedianMs);
        o.Append("<table>\n<tr><th>module</th><th class=\"num\">median ms</th><th></th><th class=\"num\">min–max</th>")
            .Append(withFirstInvocation ? "<th class=\"num\">in 1st invocation</th>" : "")
            .Append("<th class=\"num\">cold starts</th></tr>\n");
        foreach (var m in modules)
        {
            var percent = longest > 0 ? Math.Max(0, m.MedianMs) / longest * 100 : 0;
            o.Append("<tr><td class=\"name\" title=\"").Append(E($"{m.Name} ({Labels.Class(m.Class)})")).Append("\">").Append(E(m.Name)).Append("</td>")
                .Append("<td class=\"num\">").Append(E(Format.Ms(m.MedianMs))).Append("</td>")
                .Append(System.Globalization.CultureInfo.InvariantCulture, $"<td class=\"bar\"><div style=\"width:{percent:0.#}%;background:{IcicleChart.ClassColour(m.Class)}\"></div></td>")
                .Append("<td class=\"num\">").Append(E($"{Format.Ms(m.MinMs)}–{Format.Ms(m.MaxMs)}")).Append("</td>")
                .Append(withFirstInvocation ? $"<td class=\"num\">{E(Format.Ms(m.MedianFirstInvocationMs))}</td>" : "")
                .Append("<td class=\"num\">").Append(E($"{m.ColdStarts}/{coldStarts}")).Append("</td></tr>\n");
        }

        o.Append("</table>\n");
    }
}
