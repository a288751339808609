using ColdStart.Analysis.Comparison;
using ColdStart.Cli.Internal;
using ColdStart.Cli.Rendering.Internal;

namespace ColdStart.Cli.Rendering;

/// <summary>Renders a strategy comparison as an aligned plain-text table for a terminal.</summary>
internal static class TextComparisonRenderer
{
    public static string Render(StrategyComparison comparison, IReadOnlyList<StrategyInput> inputs)
    {
        var output = new StringWriter { NewLine = "\n" };
        output.WriteLine("Cold-start strategies compared");
        output.WriteLine();
        var headers = new[] { "" }.Concat(comparison.Strategies.Select(s => s.Name)).ToList();
        TextTable.Write(output, headers, ComparisonRows.Build(comparison).Select(r =>
            (IReadOnlyList<string>)(r.IsSection ? [r.Label + ":"] : ["  " + r.Label, .. r.Values])));
        output.WriteLine();
        foreach (var note in inputs.SelectMany(i => i.Notes()).Concat(ComparisonRows.Notes(comparison)))
        {
            output.WriteLine(note);
        }

        return output.ToString();
    }
}
