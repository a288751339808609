using ColdStart.Analysis.Tests.Support;

namespace ColdStart.Analysis.Tests.Parsing;

/// <summary>Import chains of any depth: nothing in the analyser recurses, and nothing grows with the square of the depth.</summary>
public class DeepTreeTests
{
    private const int Levels = 10_000;

    [Fact]
    public void A_chain_of_ten_thousand_imports_is_parsed_and_reported()
    {
        var result = LogParser.Parse([new LogSource("chain.log", () => new ImportChainLog(Levels, selfMicros: 1))]);

        var coldStart = Assert.Single(result.ColdStarts);
        Assert.Equal(0, result.Skipped.Total);
        Assert.Equal(Levels, coldStart.AllImports.Count());
        var deepest = coldStart.AllImports.Last();
        Assert.Equal(("m9999", Levels - 1, ModuleClass.ThirdParty), (deepest.Name, deepest.Depth, deepest.Class));
        Assert.Equal(Levels, coldStart.InitImportMicros);

        var report = ImportTimeReport.Build(result, new ReportOptions { Top = 3 });

        Assert.Equal(Levels / 1000.0, report.MedianInitImportMs);
        Assert.Equal("m0", report.TopByCumulative[0].Name);
        var node = Assert.Single(report.Tree);
        var depth = 0;
        while (node.Children.Count > 0)
        {
            node = Assert.Single(node.Children);
            depth++;
        }

        Assert.Equal((Levels - 1, "m9999", Levels - 1), (depth, node.Name, node.Depth));
        Assert.EndsWith("m9997/m9998/m9999", node.Path);
    }

    [Fact]
    public void Tree_filters_work_on_a_deep_chain()
    {
        var result = LogParser.Parse([new LogSource("chain.log", () => new ImportChainLog(Levels, selfMicros: 1))]);

        var report = ImportTimeReport.Build(result, new ReportOptions { ModulePrefix = "m9999" });

        // the matching leaf and every ancestor that leads to it
        var node = Assert.Single(report.Tree);
        var count = 1;
        while (node.Children.Count > 0)
        {
            node = Assert.Single(node.Children);
            count++;
        }

        Assert.Equal((Levels, "m9999"), (count, node.Name));
        var shallow = Assert.Single(ImportTimeReport.Build(result, new ReportOptions { MaxDepth = 4 }).Tree);
        Assert.Equal(4, Depth(shallow));
    }

    private static int Depth(TreeNode node)
    {
        var depth = 0;
        while (node.Children.Count > 0)
        {
            node = node.Children[0];
            depth++;
        }

        return depth;
    }
}
