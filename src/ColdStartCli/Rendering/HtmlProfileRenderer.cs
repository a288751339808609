using System.Net;
using System.Text;
using ColdStart.Cli.Rendering.Internal;
using ColdStart.Lab;

namespace ColdStart.Cli.Rendering;

/// <summary>
/// Renders <c>coldstart profile</c> as one self-contained HTML page: the side-by-side table for several functions,
/// then each function's lab section and the body of its <c>coldstart report</c> page (same styles and content policy),
/// and the icicle zoom script once for all of them.
/// </summary>
internal static class HtmlProfileRenderer
{
    private const string FallbackHead = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>coldstart report</title>\n"
        + "<style>\nbody { margin: 0; padding: 24px 32px 40px; font: 14px/1.45 system-ui, sans-serif; }\ntable { border-collapse: collapse; }\nth, td { padding: 4px 8px; border-bottom: 1px solid #e4e7eb; text-align: left; }\n</style>\n</head>\n";

    private static readonly string Script = $"<script>{IcicleZoom.Script}</script>\n";

    public static string Render(IReadOnlyList<ProfiledFunction> functions, IReadOnlyList<SkippedFunction> skipped, IReadOnlyList<string> notes)
    {
        var pages = functions.Select(f => f.Report is null ? null : HtmlReportRenderer.Render(f.Report)).ToList();
        var head = pages.FirstOrDefault(p => p is not null) is { } first ? first[..first.IndexOf("<body>", StringComparison.Ordinal)] : FallbackHead;
        var o = new StringBuilder(head.Replace("<title>coldstart report</title>", "<title>coldstart profile</title>", StringComparison.Ordinal));
        o.Append("<body>\n<h1>Local cold starts</h1>\n");
        o.Append("<p class=\"sub\">").Append(E(ProfileText.Relative)).Append("</p>\n");
        if (functions.Count != 1)
        {
            Table(o, ProfileText.SideBySideHeaders, functions.Select(ProfileText.SideBySideRow));
        }

        if (skipped.Count > 0)
        {
            o.Append("<h2>Skipped (cannot run locally)</h2>\n");
            Table(o, ["function", "reason"], skipped.Select(s => (IReadOnlyList<string>)[s.Name, s.Reason]));
        }

        foreach (var note in notes)
        {
            o.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
        }

        for (var i = 0; i < functions.Count; i++)
        {
            o.Append("<section>\n<h2>").Append(E(functions[i].Name)).Append("</h2>\n");
            Table(o, null, ProfileText.LabRows(functions[i]));
            if (pages[i] is { } page)
            {
                var start = page.IndexOf("<body>\n", StringComparison.Ordinal) + "<body>\n".Length;
                o.Append(page.AsSpan(start, page.LastIndexOf("</body>", StringComparison.Ordinal) - start).ToString().Replace(Script, "", StringComparison.Ordinal));
            }

            o.Append("</section>\n");
        }

        // The zoom script once for every chart on the page (the report pages' head allows it by its hash).
        if (pages.Any(p => p is not null))
        {
            o.Append(Script);
        }

        return o.Append("</body>\n</html>\n").ToString();
    }

    private static void Table(StringBuilder o, IReadOnlyList<string>? headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        o.Append("<table>\n");
        if (headers is not null)
        {
            o.Append("<tr>").Append(string.Concat(headers.Select(h => $"<th>{E(h)}</th>"))).Append("</tr>\n");
        }

        foreach (var row in rows)
        {
            o.Append("<tr>").Append(string.Concat(row.Select((c, i) => headers is null && i == 0 ? $"<th>{E(c)}</th>" : $"<td>{E(c)}</td>"))).Append("</tr>\n");
        }

        o.Append("</table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
