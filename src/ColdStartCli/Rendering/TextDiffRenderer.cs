using ColdStart.Cli.Internal;
using ColdStart.Cli.Rendering.Internal;
using ColdStart.Lab;

namespace ColdStart.Cli.Rendering;

/// <summary>Renders <c>coldstart diff</c> as aligned text.</summary>
internal static class TextDiffRenderer
{
    public static string Render(IReadOnlyList<FunctionDiff> diffs, int top)
    {
        var o = new StringWriter { NewLine = "\n" };
        o.WriteLine($"coldstart diff: {diffs.Count} function{(diffs.Count == 1 ? "" : "s")} (medians; change = NEW - BASE)");
        foreach (var d in diffs)
        {
            o.WriteLine();
            o.WriteLine($"== {d.Name}{(DiffRows.Side(d) is { Length: > 0 } side ? $" ({side})" : "")}");
            TextTable.Write(o, DiffRows.FigureHeaders, DiffRows.Figures(d));
            if (DiffRows.NewAtInitLine(d, top) is { } newAtInit)
            {
                o.WriteLine("  " + newAtInit);
            }

            o.WriteLine();
            TextTable.Write(o, DiffRows.ModuleHeaders, DiffRows.Shown(d, top).Select(DiffRows.Module), leftAligned: 2);
            if (d.Modules.Any(m => m.BeforeHandler))
            {
                o.WriteLine("  " + DiffRows.BeforeHandlerNote);
            }

            if (d.ModulesApproximate)
            {
                o.WriteLine("  Note: " + DiffRows.ApproximateNote(d));
            }
        }

        return o.ToString();
    }
}
