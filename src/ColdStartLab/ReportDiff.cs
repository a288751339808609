namespace ColdStart.Lab;

/// <summary>Compares two JSON reports function by function: headline figures and every module's median.</summary>
public static class ReportDiff
{
    /// <summary>
    /// Pairs the functions by name (when each document has one function, those two are paired whatever their names)
    /// and compares each pair; a function found on one side only is returned with the other side null.
    /// </summary>
    public static IReadOnlyList<FunctionDiff> Compare(ReportDocument baseline, ReportDocument current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var single = baseline.Functions.Count == 1 && current.Functions.Count == 1;
        var diffs = new List<FunctionDiff>();
        foreach (var now in current.Functions)
        {
            var before = single ? baseline.Functions[0] : baseline.Functions.FirstOrDefault(f => f.Name == now.Name);
            diffs.Add(Compare(now.Name ?? before?.Name ?? "(unnamed)", before, now));
        }

        foreach (var before in baseline.Functions.Where(b => !single && !current.Functions.Any(c => c.Name == b.Name)))
        {
            diffs.Add(Compare(before.Name ?? "(unnamed)", before, null));
        }

        return diffs;
    }

    /// <summary>Compares one function's two sides (either may be null).</summary>
    public static FunctionDiff Compare(string name, ReportedFunction? baseline, ReportedFunction? current)
    {
        ArgumentNullException.ThrowIfNull(name);
        var figures = new List<FigureDelta>
        {
            new("cold starts", baseline?.ColdStarts, current?.ColdStarts, IsTime: false),
            new("init-phase imports (median)", baseline?.InitImportMs, current?.InitImportMs),
            new("lazy imports in the first invocation (median)", baseline?.FirstInvocationLazyImportMs, current?.FirstInvocationLazyImportMs),
            new("Init Duration (median)", baseline?.InitDurationP50Ms, current?.InitDurationP50Ms),
        };
        var names = (baseline?.Modules.Keys ?? []).Union(current?.Modules.Keys ?? [], StringComparer.Ordinal);
        var modules = names
            .Select(n => new ModuleDelta(n,
                baseline is not null && baseline.Modules.TryGetValue(n, out var b) ? b : null,
                current is not null && current.Modules.TryGetValue(n, out var c) ? c : null))
            .OrderByDescending(m => Math.Abs(m.DeltaMs ?? 0))
            .ThenBy(m => m.Module, StringComparer.Ordinal)
            .ToList();
        return new FunctionDiff(name, baseline, current, figures, modules);
    }
}
