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
    // by name id (the parse's NameTable): an array index per row instead of hashing the name
    private readonly List<Module> _modules = [];
    private Module?[] _byId = new Module?[256];

    // the cold start being added: 1 + its index in _pending per name id (0 = not seen yet); reused, reset per cold start
    private readonly List<Pending> _pending = [];
    private int[] _slot = new int[256];

    /// <summary>Starts a cold start.</summary>
    public void Begin()
    {
        foreach (var pending in _pending)
        {
            _slot[pending.Id] = 0;
        }

        _pending.Clear();
    }

    /// <summary>One import row of the cold start, in pre-order (parents before children, roots in printed order).</summary>
    /// <param name="node">The row (not cached).</param>
    /// <param name="firstInvocationMs">What it added to the first invocation; null when it did not run in it (or not asked).</param>
    public void Add(in ColdStartRows.Row node, double? firstInvocationMs)
    {
        var id = node.NameId;
        if (id >= _slot.Length)
        {
            Array.Resize(ref _slot, Math.Max(id + 1, _slot.Length * 2));
        }

        var slot = _slot[id];
        if (slot != 0)
        {
            ref var pending = ref CollectionsMarshal.AsSpan(_pending)[slot - 1];
            pending.Self += node.SelfMicros;
            pending.Cumulative += node.CumulativeMicros;
            pending.FirstInvocation = Sum(pending.FirstInvocation, firstInvocationMs);
        }
        else
        {
            _pending.Add(new Pending
            {
                Id = id,
                Name = node.Name,
                Self = node.SelfMicros,
                Cumulative = node.CumulativeMicros,
                Class = node.Class,
                Phase = node.Phase,
                FirstInvocation = firstInvocationMs,
            });
            _slot[id] = _pending.Count;
        }
    }

    /// <summary>Ends the cold start begun last.</summary>
    /// <param name="sequence">The order in which it began among all cold starts.</param>
    public void End(long sequence)
    {
        foreach (ref var pending in CollectionsMarshal.AsSpan(_pending))
        {
            if (pending.Id >= _byId.Length)
            {
                Array.Resize(ref _byId, Math.Max(pending.Id + 1, _byId.Length * 2));
            }

            if (_byId[pending.Id] is not { } module)
            {
                module = new Module(pending.Name, pending.Class, sequence);
                _byId[pending.Id] = module;
                _modules.Add(module);
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
        _modules.Select(m => m.ToStat(bySelf))
            .OrderByDescending(s => s.MedianMs).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(count)
            .ToList();

    private static double? Sum(double? a, double? b) => a is null ? b : b is null ? a : a + b;

    private struct Pending
    {
        public int Id;
        public string Name;
        public long Self;
        public long Cumulative;
        public ModuleClass Class;
        public ImportPhase Phase;
        public double? FirstInvocation;
    }

    private sealed class Module(string name, ModuleClass moduleClass, long firstSequence)
    {
        public string Name { get; } = name;

        public ModuleClass Class { get; set; } = moduleClass;

        public long FirstSequence { get; set; } = firstSequence;

        public MicrosHistogram Self { get; } = new();

        public MicrosHistogram Cumulative { get; } = new();

        public CountedHistogram<double> FirstInvocation { get; } = new();

        public int[] Phases { get; } = new int[3];

        public ModuleStat ToStat(bool bySelf)
        {
            var metric = bySelf ? Self : Cumulative;
            var phase = Phases[(int)ImportPhase.Init] >= Math.Max(Phases[(int)ImportPhase.Invoke], Phases[(int)ImportPhase.Unknown]) ? ImportPhase.Init
                : Phases[(int)ImportPhase.Invoke] >= Phases[(int)ImportPhase.Unknown] ? ImportPhase.Invoke
                : ImportPhase.Unknown;
            return new ModuleStat(Name, Class, phase, metric.RankMs(50), metric.MinMs, metric.MaxMs,
                Self.RankMs(50), Cumulative.RankMs(50), Self.Count,
                FirstInvocation.Count > 0 ? FirstInvocation.Rank(50) : null);
        }
    }
}
