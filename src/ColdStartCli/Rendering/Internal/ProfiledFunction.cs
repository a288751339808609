using ColdStart.Analysis;
using ColdStart.Lab;

namespace ColdStart.Cli.Rendering.Internal;

/// <summary>A profiled function with everything the renderers and the gates need, computed once.</summary>
internal sealed class ProfiledFunction
{
    /// <summary>Every module, for the JSON's <c>lab.modules</c> (what <c>diff</c> and <c>--baseline</c> compare).</summary>
    private static readonly ReportOptions AllModules = new() { Top = int.MaxValue };

    public ProfiledFunction(FunctionProfile profile)
    {
        Profile = profile;
        Report = profile.Report();
        Modules = profile.Report(AllModules)?.TopByCumulative ?? [];
        var handlerRoot = Report?.Tree.FirstOrDefault(n => n.Phase == ImportPhase.Init && n.Name == profile.HandlerModule);
        Heaviest = handlerRoot is null ? null : handlerRoot.Children.MaxBy(c => c.MedianCumulativeMs) ?? handlerRoot;
    }

    public FunctionProfile Profile { get; }

    /// <summary>The report with <c>coldstart report</c>'s default options; null when no cold start completed.</summary>
    public ImportTimeReport? Report { get; }

    /// <summary>Every module of the report, by median cumulative time.</summary>
    public IReadOnlyList<ModuleStat> Modules { get; }

    /// <summary>The heaviest module the handler module imported at init (the handler module itself when it imported none); null when unknown.</summary>
    public TreeNode? Heaviest { get; }

    public string Name => Profile.Function.Name;

    /// <summary>Median init-phase import time; null when unknown.</summary>
    public double? InitImportMs => Report is { Split: PhaseSplit.Known } r ? r.MedianInitImportMs : null;

    /// <summary>Median lazy-import time of the first invocation; null without invocations.</summary>
    public double? LazyImportMs => Report?.Summary.FirstInvocationLazyImportMs is { Count: > 0 } p ? p.P50 : null;

    /// <summary>Their sum; null when either is unknown.</summary>
    public double? SumMs => InitImportMs + LazyImportMs;
}
