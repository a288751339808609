using System.Text.Json;
using ColdStart.Analysis.Tests.Support;
using ColdStart.Cli;
using ColdStart.Cli.Rendering;
using ColdStart.Cli.Rendering.Internal;
using Xunit;

namespace ColdStart.Analysis.Tests.Cli;

/// <summary>An import chain 10,000 levels deep renders in every format: no recursion, no JSON depth limit, no quadratic output.</summary>
public sealed class DeepTreeRenderingTests
{
    private const int Depth = 10_000;
    private static readonly ImportTimeReport Report = DeepTree.Report(Depth);

    [Fact]
    public void Text_lists_every_level_with_the_depth_written_out_past_the_indented_ones()
    {
        var text = TextReportRenderer.Render(Report);

        var tree = TreeLines(text, "Import tree");
        Assert.Equal(Depth, tree.Count);
        Assert.StartsWith("  m0 ", tree[0]);
        Assert.StartsWith(new string(' ', 2 + 2 * ReportText.MaxIndentedDepth) + "m32 ", tree[32]);
        Assert.StartsWith(new string(' ', 2 + 2 * ReportText.MaxIndentedDepth) + "[depth 9999] m9999 ", tree[^1]);
        Assert.All(tree, line => Assert.True(line.Length < 200, line));
    }

    [Fact]
    public void Markdown_lists_every_level_in_its_code_block()
    {
        var markdown = MarkdownReportRenderer.Render(Report);

        var block = markdown[(markdown.IndexOf("```text\n", StringComparison.Ordinal) + 8)..markdown.LastIndexOf("```", StringComparison.Ordinal)];
        var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Depth, lines.Length);
        Assert.StartsWith(new string(' ', 2 * ReportText.MaxIndentedDepth) + "[depth 5000] m5000  ", lines[5000]);
    }

    [Fact]
    public void Json_nests_all_levels_and_reads_back_with_the_same_numbers()
    {
        var json = JsonReportRenderer.Render(Report);

        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 4 * Depth });
        var node = Assert.Single(document.RootElement.GetProperty("tree").EnumerateArray().ToList());
        for (var level = 0; level < Depth; level++)
        {
            Assert.Equal($"m{level}", node.GetProperty("name").GetString());
            Assert.Equal(Math.Round((Depth - level) * 0.01, 3), node.GetProperty("medianCumulativeMs").GetDouble());
            var children = node.GetProperty("children");
            if (level < Depth - 1)
            {
                node = Assert.Single(children.EnumerateArray().ToList());
            }
            else
            {
                Assert.Equal(0, children.GetArrayLength());
            }
        }

        Assert.Equal(1, document.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.True(json.Length < 4_000_000, $"{json.Length} characters");
    }

    [Fact]
    public void Json_of_an_ordinary_tree_stays_indented()
    {
        var json = JsonReportRenderer.Render(DeepTree.Report(ReportText.MaxIndentedDepth + 1));

        Assert.Contains("\n      \"children\": [\n", json);
    }

    [Fact]
    public void Html_draws_the_first_rows_keeps_every_bar_for_zooming_and_lists_every_level_as_text()
    {
        var html = HtmlReportRenderer.Render(Report);

        var svg = html[html.IndexOf("<svg class=\"icicle\"", StringComparison.Ordinal)..(html.IndexOf("</svg>", StringComparison.Ordinal) + 6)];
        Assert.Equal(Depth, Count(svg, "<g class=\"node"));
        Assert.Equal(IcicleChart.MaxRows, Count(svg, "<g class=\"node\" "));
        Assert.Contains("data-d=\"9999\"", svg);
        Assert.Contains("The tree is 10,000 levels deep; the chart draws 40 at a time.", html);
        Assert.Contains("[depth 9999] m9999", html);
        Assert.True(html.Length < 8_000_000, $"{html.Length} characters");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("text")]
    [InlineData("html")]
    public void A_chain_deeper_than_the_json_writer_default_goes_through_the_command_from_a_log(string format)
    {
        // 1,500 levels: past Utf8JsonWriter's default of 1,000 (children nest two deep per level); the file of a
        // 10,000-level chain would be ~100 MB of indentation, which the parser test reads from a stream instead.
        const int levels = 1_500;
        using var dir = new TempDirectory();
        var log = dir.Write("deep.log", string.Join('\n',
            ["import time: self [us] | cumulative | imported package",
             .. Enumerable.Range(0, levels).Reverse().Select(d => $"import time: {10,9} | {10 * (levels - d),10} | {new string(' ', 2 * d)}m{d}")]) + "\n");
        var output = dir.PathOf("report." + format);
        var run = CliRunner.Run("report", log, "--format", format, "--output", output);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var text = File.ReadAllText(output);
        if (format == "json")
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 4 * levels });
            var node = document.RootElement.GetProperty("tree")[0];
            var depth = 0;
            for (; node.GetProperty("children").GetArrayLength() > 0; depth++)
            {
                node = node.GetProperty("children")[0];
            }

            Assert.Equal(levels - 1, depth);
            Assert.Equal($"m{levels - 1}", node.GetProperty("name").GetString());
        }
        else
        {
            Assert.Contains($"[depth {levels - 1}] m{levels - 1}", text);
        }
    }

    private static List<string> TreeLines(string text, string heading)
    {
        var lines = text.Split('\n').ToList();
        var start = lines.IndexOf(heading) + 4; // heading, explanation, column headers, rule
        return lines.Skip(start).TakeWhile(l => l.Length > 0).ToList();
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
