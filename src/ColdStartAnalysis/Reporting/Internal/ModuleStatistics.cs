namespace ColdStart.Analysis.Reporting.Internal;

/// <summary>Collects per-module times over cold starts (one sample per cold start that imported the module).</summary>
internal sealed class ModuleStatistics
{
    private readonly Dictionary<string, Samples> _modules = new(StringComparer.Ordinal);

    public void Add(ColdStartProfile coldStart, Func<ImportNode, bool> include, Func<ImportNode, double?>? firstInvocationMs = null)
    {
        var perColdStart = new Dictionary<string, (long Self, long Cumulative, ImportNode First, double? FirstInvocation)>(StringComparer.Ordinal);
        foreach (var node in coldStart.AllImports)
        {
            if (node.Cached || !include(node))
            {
                continue;
            }

            var added = firstInvocationMs?.Invoke(node);
            perColdStart[node.Name] = perColdStart.TryGetValue(node.Name, out var seen)
                ? (seen.Self + node.SelfMicros, seen.Cumulative + node.CumulativeMicros, seen.First, Sum(seen.FirstInvocation, added))
                : (node.SelfMicros, node.CumulativeMicros, node, added);
        }

        foreach (var (name, value) in perColdStart)
        {
            if (!_modules.TryGetValue(name, out var samples))
            {
                samples = new Samples(value.First.Class);
                _modules[name] = samples;
            }

            samples.Self.Add(value.Self / 1000.0);
            samples.Cumulative.Add(value.Cumulative / 1000.0);
            samples.Phases[(int)value.First.Phase]++;
            if (value.FirstInvocation is { } ms)
            {
                samples.FirstInvocation.Add(ms);
            }
        }
    }

    public IReadOnlyList<ModuleStat> Top(int count, bool bySelf) =>
        _modules.Select(m => m.Value.ToStat(m.Key, bySelf))
            .OrderByDescending(s => s.MedianMs).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(count)
            .ToList();

    private static double? Sum(double? a, double? b) => a is null ? b : b is null ? a : a + b;

    private sealed class Samples(ModuleClass moduleClass)
    {
        public List<double> Self { get; } = [];

        public List<double> Cumulative { get; } = [];

        public List<double> FirstInvocation { get; } = [];

        public int[] Phases { get; } = new int[3];

        public ModuleStat ToStat(string name, bool bySelf)
        {
            Self.Sort();
            Cumulative.Sort();
            FirstInvocation.Sort();
            var metric = bySelf ? Self : Cumulative;
            var phase = Phases[(int)ImportPhase.Init] >= Math.Max(Phases[(int)ImportPhase.Invoke], Phases[(int)ImportPhase.Unknown]) ? ImportPhase.Init
                : Phases[(int)ImportPhase.Invoke] >= Phases[(int)ImportPhase.Unknown] ? ImportPhase.Invoke
                : ImportPhase.Unknown;
            return new ModuleStat(name, moduleClass, phase, Percentiles.Rank(metric, 50), metric[0], metric[^1],
                Percentiles.Rank(Self, 50), Percentiles.Rank(Cumulative, 50), Self.Count,
                FirstInvocation.Count > 0 ? Percentiles.Rank(FirstInvocation, 50) : null);
        }
    }
}
