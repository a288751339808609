using System.Globalization;
using System.Net;
using System.Text;
using ColdStart.Analysis;
using ColdStart.Cli.Internal;

namespace ColdStart.Cli.Rendering.Internal;

/// <summary>
/// The merged import tree as an icicle chart in inline SVG: one row per depth, width = median cumulative
/// time, colour = module class, hatching = imported in the handler; hovering shows the numbers (&lt;title&gt;).
/// </summary>
internal static class IcicleChart
{
    public const double Width = 1320;
    private const double RowHeight = 26;
    private const double MinDrawnWidth = 0.75;
    private const double MinLabelledWidth = 34;
    private const double CharWidth = 6.4;
    private const double AxisHeight = 22;

    public static string ClassColour(ModuleClass value) => value switch
    {
        ModuleClass.LambdaRuntime => "#9b7bd4",
        ModuleClass.StandardLibrary => "#6f9fd8",
        ModuleClass.ThirdParty => "#ec9a4b",
        _ => "#4fb17a",
    };

    public static string Render(IReadOnlyList<TreeNode> roots, int coldStarts)
    {
        var total = roots.Sum(r => r.MedianCumulativeMs);
        if (roots.Count == 0 || !(total > 0))
        {
            return "<p class=\"note\">No imports to chart (check --max-depth, --min-ms and --module).</p>";
        }

        var rects = new StringBuilder();
        var deepest = Layout(roots, 0, Width, 0, Width / total, coldStarts, rects);
        var height = AxisHeight + (deepest + 1) * RowHeight;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"icicle\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-label=\"Import icicle chart: width is median cumulative import time\">");
        svg.Append("<defs><pattern id=\"lazy\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"3\" height=\"6\" fill=\"rgba(255,255,255,0.45)\"/></pattern></defs>");
        Axis(svg, total);
        svg.Append(CultureInfo.InvariantCulture, $"<g transform=\"translate(0 {AxisHeight})\">").Append(rects).Append("</g>");
        HandlerBoundary(svg, roots, total, height);
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A time scale along the top: ticks every 1, 2 or 5 × 10^k ms, about eight of them.</summary>
    private static void Axis(StringBuilder svg, double totalMs)
    {
        var raw = totalMs / 8;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(f => f * magnitude).First(s => s >= raw);
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"0\" y1=\"{AxisHeight - 4}\" x2=\"{Width}\" y2=\"{AxisHeight - 4}\"/>");
        for (var t = 0.0; t <= totalMs + step / 1000; t += step)
        {
            var x = t / totalMs * Width;
            var anchor = x < 20 ? "start" : x > Width - 40 ? "end" : "middle";
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{x:0.##}\" y1=\"{AxisHeight - 8}\" x2=\"{x:0.##}\" y2=\"{AxisHeight - 4}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{x:0.##}\" y=\"{AxisHeight - 11}\" text-anchor=\"{anchor}\">{Format.Number(t)} ms</text>");
        }
    }

    /// <summary>Where handler-phase (lazy) roots begin, when they all follow the init-phase ones: a dashed line and a label.</summary>
    private static void HandlerBoundary(StringBuilder svg, IReadOnlyList<TreeNode> roots, double totalMs, double height)
    {
        var first = roots.ToList().FindIndex(r => r.Phase == ImportPhase.Invoke);
        if (first <= 0 || roots.Skip(first).Any(r => r.Phase != ImportPhase.Invoke))
        {
            return;
        }

        var x = roots.Take(first).Sum(r => Math.Max(0, r.MedianCumulativeMs)) / totalMs * Width;
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"boundary\" x1=\"{x:0.##}\" y1=\"{AxisHeight - 4}\" x2=\"{x:0.##}\" y2=\"{height}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"boundary\" x=\"{x - 4:0.##}\" y=\"{height - 6}\" text-anchor=\"end\">init ◂</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"boundary\" x=\"{x + 4:0.##}\" y=\"{height - 6}\">▸ handler</text>");
    }

    /// <returns>The deepest row drawn.</returns>
    private static int Layout(IReadOnlyList<TreeNode> nodes, double x, double available, int depth, double scale, int coldStarts, StringBuilder output)
    {
        // Medians of children need not add up to their parent's median: squeeze them into the parent's width.
        var wanted = nodes.Sum(n => Math.Max(0, n.MedianCumulativeMs) * scale);
        var squeeze = wanted > available && wanted > 0 ? available / wanted : 1;
        var deepest = depth;
        foreach (var node in nodes)
        {
            var width = Math.Max(0, node.MedianCumulativeMs) * scale * squeeze;
            if (width >= MinDrawnWidth)
            {
                Rect(node, x, depth * RowHeight, width, coldStarts, output);
                deepest = Math.Max(deepest, Layout(node.Children, x, width, depth + 1, scale, coldStarts, output));
            }

            x += width;
        }

        return deepest;
    }

    private static void Rect(TreeNode node, double x, double y, double width, int coldStarts, StringBuilder o)
    {
        var lazy = node.Phase == ImportPhase.Invoke;
        var title = $"{node.Name}\n{Labels.Class(node.Class)}{(lazy ? ", imported in the handler (lazy)" : "")}\n"
            + $"cumulative {Format.Ms(node.MedianCumulativeMs)} ms, self {Format.Ms(node.MedianSelfMs)} ms (medians)\n"
            + $"in {node.ColdStarts} of {coldStarts} cold starts";
        o.Append(CultureInfo.InvariantCulture, $"<g class=\"node\"><title>{WebUtility.HtmlEncode(title)}</title>");
        o.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{Math.Max(0.5, width - 1):0.##}\" height=\"{RowHeight - 2}\" rx=\"2\" fill=\"{ClassColour(node.Class)}\"/>");
        if (lazy)
        {
            o.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{Math.Max(0.5, width - 1):0.##}\" height=\"{RowHeight - 2}\" rx=\"2\" fill=\"url(#lazy)\"/>");
        }

        if (width >= MinLabelledWidth)
        {
            var maxChars = (int)((width - 8) / CharWidth);
            var label = node.Name.Length <= maxChars ? node.Name : node.Name[..Math.Max(1, maxChars - 1)] + "…";
            o.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4:0.##}\" y=\"{y + RowHeight / 2 + 3:0.##}\">{WebUtility.HtmlEncode(label)}</text>");
        }

        o.Append("</g>");
    }
}
