using System.Text.RegularExpressions;

namespace ColdStart.Cli.Rendering.Internal;

/// <summary>Escapes text for a Markdown table cell: pipes, emphasis and code markers would break the table.</summary>
internal static partial class MarkdownText
{
    public static string Escape(string text) => MarkdownSpecial().Replace(text.ReplaceLineEndings(" "), @"\$0");

    [GeneratedRegex(@"[\\|*_`<>\[\]]")]
    private static partial Regex MarkdownSpecial();
}
