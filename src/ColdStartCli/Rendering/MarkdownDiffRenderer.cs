using ColdStart.Cli.Internal;
using ColdStart.Cli.Rendering.Internal;
using ColdStart.Lab;

namespace ColdStart.Cli.Rendering;

/// <summary>Renders <c>coldstart diff</c> as GitHub-flavoured Markdown, e.g. for a pull-request comment.</summary>
internal static class MarkdownDiffRenderer
{
    public static string Render(IReadOnlyList<FunctionDiff> diffs, int top)
    {
        var o = new StringWriter { NewLine = "\n" };
        o.WriteLine("# Import-time diff");
        o.WriteLine();
        o.WriteLine("Medians; change = NEW − BASE.");
        foreach (var d in diffs)
        {
            o.WriteLine();
            o.WriteLine($"## {MarkdownText.Escape(d.Name)}{(DiffRows.Side(d) is { Length: > 0 } side ? $" ({side})" : "")}");
            o.WriteLine();
            Table(o, DiffRows.FigureHeaders, DiffRows.Figures(d), firstNumeric: 1);
            if (DiffRows.NewAtInitLine(d, top) is { } newAtInit)
            {
                o.WriteLine(MarkdownText.Escape(newAtInit));
                o.WriteLine();
            }

            Table(o, DiffRows.ModuleHeaders, DiffRows.Shown(d, top).Select(DiffRows.Module), firstNumeric: 2);
            if (d.Modules.Any(m => m.BeforeHandler))
            {
                o.WriteLine(MarkdownText.Escape(DiffRows.BeforeHandlerNote));
                o.WriteLine();
            }

            if (d.ModulesApproximate)
            {
                o.WriteLine("> " + MarkdownText.Escape(DiffRows.ApproximateNote(d)));
            }
        }

        return o.ToString();
    }

    private static void Table(StringWriter o, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, int firstNumeric)
    {
        o.WriteLine("| " + string.Join(" | ", headers.Select(MarkdownText.Escape)) + " |");
        o.WriteLine("|" + string.Concat(headers.Select((_, i) => i >= firstNumeric ? "---:|" : "---|")));
        foreach (var row in rows)
        {
            o.WriteLine("| " + string.Join(" | ", row.Select(MarkdownText.Escape)) + " |");
        }

        o.WriteLine();
    }
}
