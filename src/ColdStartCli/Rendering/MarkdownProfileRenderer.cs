using ColdStart.Cli.Rendering.Internal;
using ColdStart.Lab;

namespace ColdStart.Cli.Rendering;

/// <summary>Renders <c>coldstart profile</c> as GitHub-flavoured Markdown, e.g. for a pull-request comment.</summary>
internal static class MarkdownProfileRenderer
{
    public static string Render(IReadOnlyList<ProfiledFunction> functions, IReadOnlyList<SkippedFunction> skipped, IReadOnlyList<string> notes)
    {
        var o = new StringWriter { NewLine = "\n" };
        o.WriteLine("# Local cold starts");
        o.WriteLine();
        if (functions.Count != 1)
        {
            Table(o, ProfileText.SideBySideHeaders, functions.Select(ProfileText.SideBySideRow), ProfileText.SideBySideNumeric);
        }

        if (skipped.Count > 0)
        {
            o.WriteLine("Skipped (cannot run locally):");
            o.WriteLine();
            foreach (var s in skipped)
            {
                o.WriteLine($"- `{s.Name}`: {MarkdownText.Escape(s.Reason)}");
            }

            o.WriteLine();
        }

        foreach (var note in notes)
        {
            o.WriteLine($"> {MarkdownText.Escape(note)}");
            o.WriteLine();
        }

        foreach (var f in functions)
        {
            o.WriteLine($"## {MarkdownText.Escape(f.Name)}");
            o.WriteLine();
            Table(o, ["", ""], ProfileText.LabRows(f), _ => false);
            if (f.Report is { } report)
            {
                o.Write(MarkdownReportRenderer.Render(report));
                o.WriteLine();
            }
        }

        return o.ToString();
    }

    private static void Table(StringWriter o, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, Func<int, bool> rightAligned)
    {
        o.WriteLine("| " + string.Join(" | ", headers.Select(MarkdownText.Escape)) + " |");
        o.WriteLine("|" + string.Concat(headers.Select((_, i) => rightAligned(i) ? "---:|" : "---|")));
        foreach (var row in rows)
        {
            o.WriteLine("| " + string.Join(" | ", row.Select(MarkdownText.Escape)) + " |");
        }

        o.WriteLine();
    }
}
