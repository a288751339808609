using System.Reflection;

namespace ColdStart.Analysis.Tests.Cli;

/// <summary>An import chain thousands of levels deep, and a report that carries it, for the renderers.</summary>
internal static class DeepTree
{
    /// <summary>m0 imports m1 imports … m(depth-1); each adds 0.01 ms, so every bar is a little narrower than its parent.</summary>
    public static TreeNode Chain(int depth)
    {
        TreeNode? child = null;
        for (var d = depth - 1; d >= 0; d--)
        {
            // Path stays short: the merged tree's full paths would make this fixture quadratic in memory.
            child = new TreeNode($"m{d}", $"m{d}", d, ImportPhase.Init, ModuleClass.StandardLibrary)
            {
                MedianSelfMs = 0.01,
                MedianCumulativeMs = (depth - d) * 0.01,
                MinCumulativeMs = (depth - d) * 0.01,
                MaxCumulativeMs = (depth - d) * 0.01,
                ColdStarts = 1,
                Children = child is null ? [] : [child],
            };
        }

        return child!;
    }

    /// <summary>
    /// The sample's report with <paramref name="tree"/> in place of its own. ImportTimeReport.Build cannot make
    /// such a tree yet: its tree merge (in the analysis library) recurses once per level and overflows the stack
    /// near 9,000 levels, so the renderers are tested with a tree built here.
    /// </summary>
    public static ImportTimeReport ReportWith(IReadOnlyList<TreeNode> tree)
    {
        var report = ImportTimeReport.Build(LogParser.Parse([LogSource.FromFile(CliRunner.SamplePath)]));
        var field = typeof(ImportTimeReport).GetField("<Tree>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("ImportTimeReport.Tree is no longer an auto-property: update DeepTree.ReportWith.");
        field.SetValue(report, tree);
        return report;
    }
}
