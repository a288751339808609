using System.Text.Json;

namespace ColdStart.Lab;

/// <summary>One function's figures as a JSON report states them (times in ms, as rounded in the document).</summary>
public sealed class ReportedFunction
{
    private ReportedFunction(string? name) => Name = name;

    /// <summary>The function's name (its construct path) when the document names it; null for a plain <c>coldstart report</c> of a log.</summary>
    public string? Name { get; }

    /// <summary>Cold starts (import profiles) the report is over.</summary>
    public int ColdStarts { get; private set; }

    /// <summary>Median init-phase import time per cold start; null when unknown.</summary>
    public double? InitImportMs { get; private set; }

    /// <summary>Median lazy-import time of the first invocation; null without invocations.</summary>
    public double? FirstInvocationLazyImportMs { get; private set; }

    /// <summary>Median Init Duration; null without one.</summary>
    public double? InitDurationP50Ms { get; private set; }

    /// <summary>Every module with its median cumulative time, by name.</summary>
    public IReadOnlyDictionary<string, ReportedModule> Modules { get; private set; } = new Dictionary<string, ReportedModule>();

    /// <summary>
    /// True when the document had no complete module list (a <c>coldstart report</c> document): the modules then come
    /// from its import tree, which <c>--max-depth</c>, <c>--min-ms</c> and <c>--module</c> may have cut, and a module
    /// found under several parents gets the sum of their medians.
    /// </summary>
    public bool ModulesFromTree { get; private set; }

    internal static ReportedFunction FromReport(JsonElement report, string? name)
    {
        var lab = report.TryGetProperty("lab", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
        if (name is null && lab.ValueKind == JsonValueKind.Object && lab.TryGetProperty("function", out var function)
            && function.TryGetProperty("name", out var functionName))
        {
            name = functionName.GetString();
        }

        var summary = report.GetProperty("summary");
        var result = new ReportedFunction(name)
        {
            ColdStarts = summary.GetProperty("coldStarts").GetInt32(),
            InitImportMs = Number(summary, "medianInitImportMs"),
            FirstInvocationLazyImportMs = summary.TryGetProperty("firstInvocationLazyImportMs", out var lazy) ? Number(lazy, "p50") : null,
            InitDurationP50Ms = summary.TryGetProperty("initDurationMs", out var init) ? Number(init, "p50") : null,
        };

        var modules = new Dictionary<string, ReportedModule>(StringComparer.Ordinal);
        if (lab.ValueKind == JsonValueKind.Object && lab.TryGetProperty("modules", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var module in list.EnumerateArray())
            {
                var moduleName = module.GetProperty("name").GetString()!;
                modules[moduleName] = new ReportedModule(moduleName, module.GetProperty("phase").GetString()!, Number(module, "medianCumulativeMs") ?? 0,
                    module.GetProperty("coldStarts").GetInt32(), module.TryGetProperty("beforeHandler", out var before) && before.ValueKind == JsonValueKind.True);
            }
        }
        else if (report.TryGetProperty("tree", out var tree) && tree.ValueKind == JsonValueKind.Array)
        {
            result.ModulesFromTree = true;
            foreach (var root in tree.EnumerateArray())
            {
                AddTree(root, root.GetProperty("phase").GetString()!, modules);
            }
        }

        result.Modules = modules;
        return result;
    }

    private static void AddTree(JsonElement node, string phase, Dictionary<string, ReportedModule> modules)
    {
        var name = node.GetProperty("name").GetString()!;
        var ms = Number(node, "medianCumulativeMs") ?? 0;
        var coldStarts = node.GetProperty("coldStarts").GetInt32();
        modules[name] = modules.TryGetValue(name, out var seen)
            ? seen with { MedianMs = seen.MedianMs + ms, ColdStarts = Math.Max(seen.ColdStarts, coldStarts) }
            : new ReportedModule(name, phase, ms, coldStarts, BeforeHandler: false);
        foreach (var child in node.GetProperty("children").EnumerateArray())
        {
            AddTree(child, phase, modules);
        }
    }

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
