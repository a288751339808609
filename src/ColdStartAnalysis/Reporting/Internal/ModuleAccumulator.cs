using System.Runtime.InteropServices;
using ColdStart.Analysis.Parsing.Internal;

namespace ColdStart.Analysis.Reporting.Internal;

/// <summary>
/// Per-module times over cold starts (one sample per cold start that imported the module, cached 3.14 rows not counted),
/// fed one cold start at a time in any order: counted histograms, not sample lists. What depends on the order of the cold
/// starts (the module's class) is taken from the cold start that began first.
/// </summary>
internal sealed class ModuleAccumulator
{
    private readonly Dictionary<string, Module> _modules = new(StringComparer.Ordinal);

    // the cold start being added: reused, cleared per cold start
    private readonly Dictionary<string, Pending> _coldStart = new(StringComparer.Ordinal);

    /// <summary>Starts a cold start.</summary>
    public void Begin() => _coldStart.Clear();

    /// <summary>One import row of the cold start, in pre-order (parents before children, roots in printed order).</summary>
    /// <param name="node">The row (not cached).</param>
    /// <param name="firstInvocationMs">What it added to the first invocation; null when it did not run in it (or not asked).</param>
    public void Add(in ColdStartRows.Row node, double? firstInvocationMs)
    {
        ref var pending = ref CollectionsMarshal.GetValueRefOrAddDefault(_coldStart, node.Name, out var seen);
        if (seen)
        {
            pending.Self += node.SelfMicros;
            pending.Cumulative += node.CumulativeMicros;
            pending.FirstInvocation = Sum(pending.FirstInvocation, firstInvocationMs);
        }
        else
        {
            pending = new Pending
            {
                Self = node.SelfMicros,
                Cumulative = node.CumulativeMicros,
                Class = node.Class,
                Phase = node.Phase,
                FirstInvocation = firstInvocationMs,
            };
        }
    }

    /// <summary>Ends the cold start begun last.</summary>
    /// <param name="sequence">The order in which it began among all cold starts.</param>
    public void End(long sequence)
    {
        foreach (var (name, pending) in _coldStart)
        {
            if (!_modules.TryGetValue(name, out var module))
            {
                module = new Module(pending.Class, sequence);
                _modules[name] = module;
            }
            else if (sequence < module.FirstSequence)
            {
                module.Class = pending.Class;
                module.FirstSequence = sequence;
            }

            module.Self.Add(pending.Self);
            module.Cumulative.Add(pending.Cumulative);
            module.Phases[(int)pending.Phase]++;
            if (pending.FirstInvocation is { } ms)
            {
                module.FirstInvocation.Add(ms);
            }
        }
    }

    public IReadOnlyList<ModuleStat> Top(int count, bool bySelf) =>
        _modules.Select(m => m.Value.ToStat(m.Key, bySelf))
            .OrderByDescending(s => s.MedianMs).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(count)
            .ToList();

    private static double? Sum(double? a, double? b) => a is null ? b : b is null ? a : a + b;

    private struct Pending
    {
        public long Self;
        public long Cumulative;
        public ModuleClass Class;
        public ImportPhase Phase;
        public double? FirstInvocation;
    }

    private sealed class Module(ModuleClass moduleClass, long firstSequence)
    {
        public ModuleClass Class { get; set; } = moduleClass;

        public long FirstSequence { get; set; } = firstSequence;

        public MicrosHistogram Self { get; } = new();

        public MicrosHistogram Cumulative { get; } = new();

        public CountedHistogram<double> FirstInvocation { get; } = new();

        public int[] Phases { get; } = new int[3];

        public ModuleStat ToStat(string name, bool bySelf)
        {
            var metric = bySelf ? Self : Cumulative;
            var phase = Phases[(int)ImportPhase.Init] >= Math.Max(Phases[(int)ImportPhase.Invoke], Phases[(int)ImportPhase.Unknown]) ? ImportPhase.Init
                : Phases[(int)ImportPhase.Invoke] >= Phases[(int)ImportPhase.Unknown] ? ImportPhase.Invoke
                : ImportPhase.Unknown;
            return new ModuleStat(name, Class, phase, metric.RankMs(50), metric.MinMs, metric.MaxMs,
                Self.RankMs(50), Cumulative.RankMs(50), Self.Count,
                FirstInvocation.Count > 0 ? FirstInvocation.Rank(50) : null);
        }
    }
}
