using System.Globalization;
using ColdStart.Analysis;

namespace ColdStart.Lab;

/// <summary>
/// The CI gates of <c>coldstart profile</c>: a budget on a headline figure, a limit per module, modules that must not
/// be imported at init, and a regression limit against a baseline report. A gate passes only on data it could read:
/// a function that did not run, a failed cold start, or a figure that is unknown makes it "cannot evaluate".
/// </summary>
public sealed class ImportGates
{
    /// <summary>The budget metric <c>init-imports-p50</c>: median init-phase import time per cold start.</summary>
    public const string InitImportsP50 = "init-imports-p50";

    /// <summary>The budget metric <c>init-duration-p90</c>: p90 of Init Duration.</summary>
    public const string InitDurationP90 = "init-duration-p90";

    /// <summary>Limit of <see cref="BudgetMetric"/> in ms (as <c>coldstart report --budget-ms</c>). Default: none.</summary>
    public double? BudgetMs { get; init; }

    /// <summary><see cref="InitImportsP50"/> or <see cref="InitDurationP90"/>. Default: <see cref="InitImportsP50"/>.</summary>
    public string BudgetMetric { get; init; } = InitImportsP50;

    /// <summary>Per module: the most its median cumulative import time may be, in ms. Default: none.</summary>
    public IReadOnlyDictionary<string, double> MaxModuleMs { get; init; } = new Dictionary<string, double>();

    /// <summary>Modules (and their submodules) that must not be imported during init in any cold start. Default: none.</summary>
    public IReadOnlyList<string> ForbidAtInit { get; init; } = [];

    /// <summary>The report to compare with; needs <see cref="MaxRegressionMs"/> or <see cref="MaxRegressionPercent"/>. Default: none.</summary>
    public ReportDocument? Baseline { get; init; }

    /// <summary>A module regresses when its median grew by more than this many ms (and by more than <see cref="MaxRegressionPercent"/> when both are set). Default: none.</summary>
    public double? MaxRegressionMs { get; init; }

    /// <summary>A module regresses when its median grew by more than this percentage (and by more than <see cref="MaxRegressionMs"/> when both are set). Default: none.</summary>
    public double? MaxRegressionPercent { get; init; }

    /// <summary>Whether any gate is set.</summary>
    public bool Any => BudgetMs is not null || MaxModuleMs.Count > 0 || ForbidAtInit.Count > 0 || Baseline is not null;

    /// <summary>Evaluates every gate for one function.</summary>
    /// <param name="profile">The function's cold starts.</param>
    /// <param name="current">Its JSON report read back (what the output says), or null when no cold start completed.</param>
    public GateResult Evaluate(FunctionProfile profile, ReportedFunction? current)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var name = profile.Function.Name;
        if (!Any)
        {
            return new GateResult(name, [], [], 0);
        }

        if (profile.Problem is not null)
        {
            return new GateResult(name, [], [$"not run: {profile.Problem}"], 0);
        }

        var failed = profile.ColdStarts.Count(c => !c.Completed);
        if (failed > 0)
        {
            return new GateResult(name, [], [$"{failed} of {profile.ColdStarts.Count} cold starts failed: the gates need every cold start"], 0);
        }

        if (profile.UnaccountedProfiles > 0)
        {
            return new GateResult(name, [], [UnaccountedProfilesProblem(profile)], 0);
        }

        if (current is null || profile.Parsed is null)
        {
            return new GateResult(name, [], ["no cold start was profiled"], 0);
        }

        var breaches = new List<GateBreach>();
        var unknown = new List<string>();
        var checks = 0;
        var before = profile.LoadedBeforeHandler;

        if (BudgetMs is { } budget)
        {
            checks++;
            var (value, what) = BudgetMetric == InitDurationP90
                ? (profile.Report()?.Summary.InitDurationMs.P90, "Init Duration (p90)")
                : (current.InitImportMs, "init-phase imports (median)");
            if (value is not { } measured)
            {
                unknown.Add($"--budget-metric {BudgetMetric}: {what} is unknown");
            }
            else if (measured > budget)
            {
                breaches.Add(new GateBreach(what, "init", measured, $"{Ms(budget)} ms", $"--budget-ms {Number(budget)}"));
            }
        }

        foreach (var (module, limit) in MaxModuleMs)
        {
            checks++;
            if (before.Contains(module))
            {
                unknown.Add($"--max-module-ms {module}: {module} is loaded before the handler module (interpreter start-up or --preload {profile.Preload?.Preload}), so its time is not the handler's; use --preload none to measure it in your code");
            }
            else if (current.Modules.TryGetValue(module, out var stat) && stat.MedianMs > limit)
            {
                breaches.Add(new GateBreach(module, stat.Phase, stat.MedianMs, $"{Ms(limit)} ms", $"--max-module-ms {module}={Number(limit)}"));
            }
        }

        foreach (var module in ForbidAtInit)
        {
            checks++;
            var hidden = before.Where(m => Covers(module, m)).Order(StringComparer.Ordinal).ToList();
            if (hidden.Count > 0)
            {
                unknown.Add($"--forbid-at-init {module}: {string.Join(", ", hidden.Take(3))}{(hidden.Count > 3 ? "…" : "")} is loaded before the handler module (interpreter start-up or --preload {profile.Preload?.Preload}), so whether your code imports it at init cannot be seen; use --preload none");
                continue;
            }

            breaches.AddRange(ForbiddenImports(profile.Parsed, module));
        }

        if (Baseline is not null)
        {
            checks++;
            var baseline = Baseline.Find(name, onlyOneOnEachSide: Baseline.Functions.Count == 1);
            if (baseline is null)
            {
                unknown.Add($"--baseline {Baseline.Source}: it has no function {name}{(Baseline.Functions.Count > 0 ? $" (it has {string.Join(", ", Baseline.Functions.Select(f => f.Name ?? "(unnamed)"))})" : "")}");
            }
            else
            {
                var diff = ReportDiff.Compare(name, baseline, current);
                breaches.AddRange(Regressions(diff));
            }
        }

        return new GateResult(name, breaches, unknown, checks);
    }

    /// <summary>One sentence: the report does not hold exactly the completed cold starts.</summary>
    public static string UnaccountedProfilesProblem(FunctionProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return $"{profile.Completed} cold start(s) completed, but the parser found {profile.Parsed?.ColdStarts.Count ?? 0} complete import profile(s) "
            + $"and {profile.Parsed?.IncompleteColdStarts.Total ?? 0} incomplete one(s) in their output, so the figures cannot be trusted";
    }

    /// <summary>The modules of <paramref name="diff"/> whose median grew beyond the regression limits, start-up and preload modules left out.</summary>
    public IReadOnlyList<GateBreach> Regressions(FunctionDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        if (MaxRegressionMs is null && MaxRegressionPercent is null)
        {
            return [];
        }

        var allowed = string.Join(" and ", new[]
        {
            MaxRegressionMs is { } ms ? $"+{Ms(ms)} ms" : null,
            MaxRegressionPercent is { } pct ? $"+{Number(pct)}%" : null,
        }.OfType<string>());
        var flags = string.Join(" ", new[]
        {
            MaxRegressionMs is { } m ? $"--max-regression-ms {Number(m)}" : null,
            MaxRegressionPercent is { } p ? $"--max-regression-pct {Number(p)}" : null,
        }.OfType<string>());
        return diff.Modules
            .Where(m => m.New is not null && !m.BeforeHandler && m.DeltaMs is > 0
                && (MaxRegressionMs is null || m.DeltaMs > MaxRegressionMs)
                && (MaxRegressionPercent is null || m.DeltaPercent is null || m.DeltaPercent > MaxRegressionPercent))
            .Select(m => new GateBreach(m.Module, m.New!.Phase, m.New.MedianMs,
                $"{allowed} on the baseline's {(m.Base is null ? "nothing (new module)" : Ms(m.Base.MedianMs) + " ms")}",
                flags, m.Base is null ? null : m.DeltaMs))
            .ToList();
    }

    private static IEnumerable<GateBreach> ForbiddenImports(ParseResult parsed, string module)
    {
        var atInit = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var coldStart in parsed.ColdStarts)
        {
            foreach (var node in coldStart.AllImports.Where(n => !n.Cached && n.Phase == ImportPhase.Init && Covers(module, n.Name)
                && (n.Parent is null || !Covers(module, n.Parent.Name))))
            {
                if (!atInit.TryGetValue(node.Name, out var samples))
                {
                    atInit[node.Name] = samples = [];
                }

                samples.Add(node.CumulativeMicros / 1000.0);
            }
        }

        return atInit.Select(kv => new GateBreach(kv.Key, "init", Percentiles.Of(kv.Value).P50!.Value,
            $"not at init (imported at init in {kv.Value.Count} of {parsed.ColdStarts.Count} cold starts)", $"--forbid-at-init {module}"));
    }

    /// <summary>Whether <paramref name="name"/> is <paramref name="module"/> or one of its submodules.</summary>
    private static bool Covers(string module, string name) =>
        name == module || (name.Length > module.Length && name[module.Length] == '.' && name.StartsWith(module, StringComparison.Ordinal));

    private static string Ms(double value) => value.ToString("#,0.0", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("#,0.##########", CultureInfo.InvariantCulture);
}
