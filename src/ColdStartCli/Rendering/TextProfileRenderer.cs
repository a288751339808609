using ColdStart.Cli.Internal;
using ColdStart.Cli.Rendering.Internal;
using ColdStart.Lab;

namespace ColdStart.Cli.Rendering;

/// <summary>Renders <c>coldstart profile</c> as text: the side-by-side table for several functions, then each function's lab section and report.</summary>
internal static class TextProfileRenderer
{
    public static string Render(IReadOnlyList<ProfiledFunction> functions, IReadOnlyList<SkippedFunction> skipped, IReadOnlyList<string> notes)
    {
        var o = new StringWriter { NewLine = "\n" };
        if (functions.Count != 1)
        {
            o.WriteLine($"coldstart profile: {functions.Count} functions, their cold starts interleaved");
            o.WriteLine();
            TextTable.Write(o, ProfileText.SideBySideHeaders, functions.Select(ProfileText.SideBySideRow));
            o.WriteLine();
        }

        Footer(o, skipped, notes);
        foreach (var f in functions)
        {
            o.WriteLine($"== {f.Name}");
            TextTable.Write(o, ["", ""], ProfileText.LabRows(f), headerless: true);
            o.WriteLine();
            if (f.Report is { } report)
            {
                o.Write(TextReportRenderer.Render(report));
                o.WriteLine();
            }
        }

        return o.ToString();
    }

    private static void Footer(StringWriter o, IReadOnlyList<SkippedFunction> skipped, IReadOnlyList<string> notes)
    {
        if (skipped.Count > 0)
        {
            o.WriteLine("Skipped (cannot run locally)");
            TextTable.Write(o, ["", ""], skipped.Select(s => (IReadOnlyList<string>)[s.Name, s.Reason]), headerless: true);
            o.WriteLine();
        }

        foreach (var note in notes)
        {
            o.WriteLine($"Note: {note}");
        }

        if (notes.Count > 0)
        {
            o.WriteLine();
        }
    }
}
