using ColdStart.Analysis;

namespace ColdStart.Bench;

/// <summary>
/// How big exact counted histograms of the report's figures would be: for each accumulator the report needs (per
/// module, per merged-tree path, per summary figure), the number of samples against the number of distinct µs values.
/// </summary>
internal static class HistogramCensus
{
    public static void Print(ParseResult result)
    {
        // per module: one sample per cold start (a module listed twice in one cold start is summed), as ModuleStatistics does
        var modules = new Dictionary<string, (HashSet<long> Self, HashSet<long> Cumulative, long Samples)>(StringComparer.Ordinal);
        var paths = new Dictionary<string, (HashSet<long> Self, HashSet<long> Cumulative, long Samples)>(StringComparer.Ordinal);
        var initImports = new HashSet<long>();
        long rows = 0;
        foreach (var coldStart in result.ColdStarts)
        {
            var sums = new Dictionary<string, (long Self, long Cumulative)>(StringComparer.Ordinal);
            var stack = new Stack<(ImportNode Node, string Path)>();
            foreach (var root in coldStart.Roots)
            {
                stack.Push((root, root.Phase == ImportPhase.Init ? root.Name : $"{root.Phase}:{root.Name}"));
            }

            while (stack.TryPop(out var entry))
            {
                var (node, path) = entry;
                rows++;
                if (!node.Cached)
                {
                    sums[node.Name] = sums.TryGetValue(node.Name, out var s) ? (s.Self + node.SelfMicros, s.Cumulative + node.CumulativeMicros) : (node.SelfMicros, node.CumulativeMicros);
                }

                Add(paths, path, node.SelfMicros, node.CumulativeMicros);
                foreach (var child in node.Children)
                {
                    stack.Push((child, path + "/" + child.Name));
                }
            }

            foreach (var (name, (self, cumulative)) in sums)
            {
                Add(modules, name, self, cumulative);
            }

            if (coldStart.InitImportMicros is { } initMicros)
            {
                initImports.Add(initMicros);
            }
        }

        Console.WriteLine($"  histogram census: {result.ColdStarts.Count} cold starts, {rows} rows");
        Line("modules (top lists)", modules);
        Line("merged-tree paths", paths);
        Console.WriteLine($"    summary: init import time per cold start: {result.ColdStarts.Count} samples, {initImports.Count} distinct µs values; "
                          + $"REPORT durations: {result.Invocations.Count} samples, {result.Invocations.Select(i => i.Metrics.DurationMs).Distinct().Count()} distinct values");
    }

    private static void Add(Dictionary<string, (HashSet<long> Self, HashSet<long> Cumulative, long Samples)> into, string key, long self, long cumulative)
    {
        if (!into.TryGetValue(key, out var entry))
        {
            entry = ([], [], 0);
        }

        entry.Self.Add(self);
        entry.Cumulative.Add(cumulative);
        into[key] = entry with { Samples = entry.Samples + 1 };
    }

    private static void Line(string what, Dictionary<string, (HashSet<long> Self, HashSet<long> Cumulative, long Samples)> accumulators)
    {
        var samples = accumulators.Values.Sum(a => a.Samples);
        var distinct = accumulators.Values.Sum(a => (long)a.Self.Count + a.Cumulative.Count);
        var largest = accumulators.Values.Max(a => Math.Max(a.Self.Count, a.Cumulative.Count));
        Console.WriteLine($"    {what}: {accumulators.Count} accumulators, {samples} samples each for self and cumulative ({2 * samples} values); "
                          + $"{distinct} distinct (value, count) cells = {100.0 * distinct / (2 * samples):0}% of the values; the largest histogram has {largest} cells");
    }
}
