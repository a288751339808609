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
/// <remarks>
/// The SVG is complete without scripts (the view of the whole forest). Every bar also carries its place in the
/// layout (<c>data-*</c>: pre-order index, parent, last descendant, depth, x and width at full scale), so the
/// page's script (<see cref="IcicleZoom"/>) zooms by rescaling what is drawn here rather than laying the tree
/// out a second time.
/// </remarks>
internal static class IcicleChart
{
    public const double Width = 1320;
    private const double RowHeight = 26;
    private const double MinDrawnWidth = 0.75;
    private const double MinLabelledWidth = 34;
    private const double CharWidth = 6.4;
    private const double AxisHeight = 22;

    /// <summary>Rows drawn below the bar in view; deeper levels appear when zoomed in.</summary>
    public const int MaxRows = 40;

    public static string ClassColour(ModuleClass value) => value switch
    {
        ModuleClass.LambdaRuntime => "#9b7bd4",
        ModuleClass.StandardLibrary => "#6f9fd8",
        ModuleClass.ThirdParty => "#ec9a4b",
        _ => "#4fb17a",
    };

    public static string Render(IReadOnlyList<TreeNode> roots, int coldStarts)
    {
        var total = roots.Sum(r => Math.Max(0, r.MedianCumulativeMs));
        if (roots.Count == 0 || !(total > 0))
        {
            return "<p class=\"note\">No imports to chart (check --max-depth, --min-ms and --module).</p>";
        }

        var bars = Layout(roots, Width / total);
        var rows = Math.Min(MaxRows, bars.Where(b => b.Width >= MinDrawnWidth).Select(b => b.Depth).DefaultIfEmpty(0).Max() + 1);
        var height = AxisHeight + rows * RowHeight;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"icicle\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-label=\"Import icicle chart: width is median cumulative import time\"");
        svg.Append(CultureInfo.InvariantCulture, $" data-ms-per-unit=\"{total / Width:R}\" data-row-height=\"{RowHeight}\" data-axis-height=\"{AxisHeight}\" data-max-rows=\"{MaxRows}\" data-min-width=\"{MinDrawnWidth}\" data-min-label-width=\"{MinLabelledWidth}\" data-char-width=\"{CharWidth}\">");
        svg.Append("<defs><pattern id=\"lazy\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"3\" height=\"6\" fill=\"rgba(255,255,255,0.45)\"/></pattern></defs>");
        svg.Append("<g class=\"axis\">");
        Axis(svg, total);
        svg.Append("</g>");
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"bars\" transform=\"translate(0 {AxisHeight})\">");
        foreach (var bar in bars)
        {
            Bar(svg, bar, coldStarts);
        }

        svg.Append("</g>");
        HandlerBoundary(svg, roots, total, height);
        svg.Append("</svg>");

        var deepest = bars.Max(b => b.Depth);
        if (deepest >= MaxRows)
        {
            svg.Append(CultureInfo.InvariantCulture, $"\n<p class=\"note\">The tree is {Format.Count(deepest + 1)} levels deep; the chart draws {MaxRows} at a time. Click a bar to zoom into the levels below it (needs JavaScript), or read the whole tree as text below.</p>");
        }

        return svg.ToString();
    }

    /// <summary>A time scale along the top: ticks every 1, 2 or 5 × 10^k ms, about eight of them (the page's script draws the same when zoomed).</summary>
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
        svg.Append("<g class=\"boundary\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"boundary\" x1=\"{x:0.##}\" y1=\"{AxisHeight - 4}\" x2=\"{x:0.##}\" y2=\"{height}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"boundary\" x=\"{x - 4:0.##}\" y=\"{height - 6}\" text-anchor=\"end\">init ◂</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"boundary\" x=\"{x + 4:0.##}\" y=\"{height - 6}\">▸ handler</text>");
        svg.Append("</g>");
    }

    /// <summary>One module's bar in the layout of the whole forest; x and width in chart units at full scale.</summary>
    private sealed record Placed(TreeNode Node, int Index, int Parent, int Depth, double X, double Width)
    {
        public int LastDescendant { get; set; }
    }

    /// <summary>
    /// Lays the forest out in pre-order with an explicit stack (no recursion, so any depth is fine). Medians of
    /// children need not add up to their parent's median: children that would overflow are squeezed into it.
    /// Bars of zero width are left out with everything below them: no zoom can make them visible.
    /// </summary>
    private static List<Placed> Layout(IReadOnlyList<TreeNode> roots, double scale)
    {
        var placed = new List<Placed>();
        var pending = new Stack<Placed>();
        var open = new Stack<Placed>();
        PushChildren(pending, roots, parent: -1, depth: 0, x: 0, available: Width, scale);
        while (pending.TryPop(out var next))
        {
            while (open.TryPeek(out var ancestor) && ancestor.Index != next.Parent)
            {
                open.Pop().LastDescendant = placed.Count - 1;
            }

            next = next with { Index = placed.Count };
            placed.Add(next);
            open.Push(next);
            PushChildren(pending, next.Node.Children, next.Index, next.Depth + 1, next.X, next.Width, scale);
        }

        while (open.TryPop(out var ancestor))
        {
            ancestor.LastDescendant = placed.Count - 1;
        }

        return placed;
    }

    private static void PushChildren(Stack<Placed> pending, IReadOnlyList<TreeNode> children, int parent, int depth, double x, double available, double scale)
    {
        var wanted = children.Sum(n => Math.Max(0, n.MedianCumulativeMs) * scale);
        var squeeze = wanted > available && wanted > 0 ? available / wanted : 1;
        var siblings = new List<Placed>(children.Count);
        foreach (var child in children)
        {
            var width = Math.Max(0, child.MedianCumulativeMs) * scale * squeeze;
            if (width > 0)
            {
                siblings.Add(new Placed(child, -1, parent, depth, x, width));
            }

            x += width;
        }

        // Reversed, so that the first child is popped (and numbered) first.
        for (var i = siblings.Count - 1; i >= 0; i--)
        {
            pending.Push(siblings[i]);
        }
    }

    private static void Bar(StringBuilder o, Placed bar, int coldStarts)
    {
        var node = bar.Node;
        var lazy = node.Phase == ImportPhase.Invoke;
        var shown = bar.Width >= MinDrawnWidth && bar.Depth < MaxRows;
        var title = $"{node.Name}\n{Labels.Class(node.Class)}{(lazy ? ", imported in the handler (lazy)" : "")}\n"
            + $"cumulative {Format.Ms(node.MedianCumulativeMs)} ms, self {Format.Ms(node.MedianSelfMs)} ms (medians)\n"
            + $"in {node.ColdStarts} of {coldStarts} cold starts"
            + (node.CachedColdStarts > 0 ? $"\nalready loaded (cached) in {node.CachedColdStarts} of them" : "");
        var y = bar.Depth * RowHeight;
        var drawn = Math.Max(0.5, bar.Width - 1);
        o.Append(CultureInfo.InvariantCulture, $"<g class=\"node{(shown ? "" : " off")}\" data-i=\"{bar.Index}\" data-p=\"{bar.Parent}\" data-e=\"{bar.LastDescendant}\" data-d=\"{bar.Depth}\" data-x=\"{bar.X:R}\" data-w=\"{bar.Width:R}\" data-name=\"{WebUtility.HtmlEncode(node.Name)}\">");
        o.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        o.Append(CultureInfo.InvariantCulture, $"<rect x=\"{bar.X:0.##}\" y=\"{y:0.##}\" width=\"{drawn:0.##}\" height=\"{RowHeight - 2}\" rx=\"2\" fill=\"{ClassColour(node.Class)}\"/>");
        if (lazy)
        {
            o.Append(CultureInfo.InvariantCulture, $"<rect x=\"{bar.X:0.##}\" y=\"{y:0.##}\" width=\"{drawn:0.##}\" height=\"{RowHeight - 2}\" rx=\"2\" fill=\"url(#lazy)\"/>");
        }

        o.Append(CultureInfo.InvariantCulture, $"<text x=\"{bar.X + 4:0.##}\" y=\"{y + RowHeight / 2 + 3:0.##}\">{WebUtility.HtmlEncode(Label(node.Name, bar.Width))}</text>");
        o.Append("</g>");
    }

    /// <summary>The name, cut with an ellipsis to fit the bar; empty when the bar is too narrow for text (the script does the same when zoomed).</summary>
    private static string Label(string name, double width)
    {
        if (width < MinLabelledWidth)
        {
            return "";
        }

        var maxChars = (int)((width - 8) / CharWidth);
        return name.Length <= maxChars ? name : name[..Math.Max(1, maxChars - 1)] + "…";
    }
}
