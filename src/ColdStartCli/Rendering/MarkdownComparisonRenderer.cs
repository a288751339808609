using ColdStart.Analysis.Comparison;
using ColdStart.Cli.Rendering.Internal;

namespace ColdStart.Cli.Rendering;

/// <summary>Renders a strategy comparison as a GitHub-flavoured Markdown table.</summary>
internal static class MarkdownComparisonRenderer
{
    public static string Render(StrategyComparison comparison, IReadOnlyList<StrategyInput> inputs)
    {
        var output = new StringWriter { NewLine = "\n" };
        output.WriteLine("## Cold-start strategies compared");
        output.WriteLine();
        output.WriteLine("| | " + string.Join(" | ", comparison.Strategies.Select(s => MarkdownText.Escape(s.Name))) + " |");
        output.WriteLine("|---|" + string.Concat(comparison.Strategies.Select(_ => "---:|")));
        foreach (var row in ComparisonRows.Build(comparison))
        {
            var label = row.IsSection ? $"**{row.Label}**" : row.Label;
            output.WriteLine($"| {label} | " + string.Join(" | ", row.Values.Select(MarkdownText.Escape)) + " |");
        }

        output.WriteLine();
        foreach (var note in inputs.SelectMany(i => i.Notes()).Concat(ComparisonRows.Notes(comparison)))
        {
            output.WriteLine($"- {MarkdownText.Escape(note)}");
        }

        return output.ToString();
    }
}
