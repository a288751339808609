using ColdStart.Analysis;
using ColdStart.Analysis.Comparison;
using ColdStart.Analysis.Pricing;
using ColdStart.Cli.Internal;

namespace ColdStart.Cli.Rendering.Internal;

/// <summary>The rows of the side-by-side comparison table, shared by the text and Markdown renderers.</summary>
internal static class ComparisonRows
{
    public sealed record Row(string Label, IReadOnlyList<string> Values, bool IsSection = false);

    public static IReadOnlyList<Row> Build(StrategyComparison comparison)
    {
        var s = comparison.Strategies;
        var rows = new List<Row>();
        void Section(string title) => rows.Add(new Row(title, s.Select(_ => "").ToList(), IsSection: true));
        void Add(string label, Func<StrategyResult, string> value) => rows.Add(new Row(label, s.Select(value).ToList()));
        void AddPercentiles(string label, Func<StrategyResult, Percentiles> of, bool withMax)
        {
            Add($"{label} p50", r => Format.Ms(of(r).P50));
            Add($"{label} p90", r => Format.Ms(of(r).P90));
            Add($"{label} p99", r => Format.Ms(of(r).P99));
            if (withMax)
            {
                Add($"{label} max", r => Format.Ms(of(r).Max));
            }
        }

        Section("Cold starts");
        Add("Priced as", r => KindName(r.Kind));
        Add("Import profiles", r => r.ColdStartProfiles == 0
            ? "0"
            : $"{r.ColdStartProfiles} ({string.Join(", ", r.ProfilesByInitType.Select(kv => $"{kv.Key} {kv.Value}"))})");
        Add("Invocations", r => Format.Count(r.Invocations));
        Add("Cold-start rate", r => r.ColdStartRate is null ? Format.None : $"{Format.Percent(r.ColdStartRate)} ({r.ColdInvocations} of {r.Invocations})");

        Section("Latency (ms)");
        AddPercentiles("Init Duration", r => r.InitDurationMs, withMax: true);
        AddPercentiles("First invocation", r => r.FirstInvocationLatencyMs, withMax: true);
        AddPercentiles("Warm duration", r => r.WarmDurationMs, withMax: false);

        Section("Imports per cold start (ms)");
        Add("Init-phase imports p50", r => Format.Ms(r.InitImportMs.P50));
        Add("Lazy imports p50", r => Format.Ms(r.LazyImportMs.P50));
        Add("Lazy imports p90", r => Format.Ms(r.LazyImportMs.P90));

        Section("Monthly cost (USD)");
        Add("Memory", r => r.MonthlyCost is { } c ? $"{Format.Number(c.MemoryGb * 1024)} MB" : Format.None);
        Add("Requests", r => Format.Dollars(r.MonthlyCost?.RequestCost));
        Add("On-demand duration", r => Format.Dollars(r.MonthlyCost?.DurationCost));
        Add("Billed INIT", r => r.MonthlyCost is { } c ? $"{Format.Dollars(c.InitCost)} ({Format.Count((long)Math.Round(c.ColdStartsPerMonth))} cold starts)" : Format.None);
        Add("Provisioned concurrency", r => Format.Dollars(r.MonthlyCost?.ProvisionedCost));
        Add("Provisioned duration", r => Format.Dollars(r.MonthlyCost?.ProvisionedDurationCost));
        Add("Total", r => Format.Dollars(r.MonthlyCost?.Total));
        Add("PC utilisation", r => Format.Percent(r.MonthlyCost?.Utilisation));
        return rows;
    }

    public static string KindName(StrategyKind kind) => kind == StrategyKind.ProvisionedConcurrency ? "provisioned" : "on-demand";

    /// <summary>The sentences printed under the table: assumptions, the cheapest strategy, the break-even point.</summary>
    public static IReadOnlyList<string> Notes(StrategyComparison comparison)
    {
        var p = comparison.Pricing;
        var notes = new List<string>
        {
            $"Pricing: {Format.Count((long)p.MonthlyRequests)} requests/month, {(p.Architecture == Architecture.Arm64 ? "arm64" : "x86_64")}, " +
            $"memory {(p.MemoryMb is { } m ? $"{m} MB" : "from the logs")}, provisioned concurrency {p.ProvisionedConcurrency}, " +
            $"spillover {(p.SpilloverFraction is { } f ? Format.Percent(f) : "as measured")}, " +
            $"INIT {(p.InitBilled ? "billed (as since 2025-08-01)" : "not billed")}; " +
            $"${Format.Number(p.OnDemandPricePerGbSecond)}/GB-s on-demand, ${Format.Number(p.ProvisionedPricePerGbSecond)}/GB-s provisioned + " +
            $"${Format.Number(p.ProvisionedDurationPricePerGbSecond)}/GB-s provisioned duration, ${p.RequestPricePerMillion.ToString("0.00##", System.Globalization.CultureInfo.InvariantCulture)} per million requests.",
            double.IsFinite(comparison.BreakEvenUtilisation)
                ? $"Break-even utilisation: {Format.Percent(comparison.BreakEvenUtilisation)}: provisioned concurrency costs less than on-demand only when it is busy more than that share of the time."
                : "Break-even utilisation: never: with these prices provisioned concurrency never costs less than on-demand.",
        };

        var priced = comparison.Strategies.Where(r => r.MonthlyCost is not null).ToList();
        if (priced.Count > 1)
        {
            var cheapest = priced.MinBy(r => r.MonthlyCost!.Total)!;
            notes.Add($"Cheapest: {cheapest.Name} at {Format.Dollars(cheapest.MonthlyCost!.Total)}/month.");
        }

        foreach (var r in comparison.Strategies.Where(r => r.MonthlyCost is null))
        {
            notes.Add($"{r.Name}: no REPORT lines in its logs, so no invocation figures or cost.");
        }

        foreach (var r in comparison.Strategies.Where(r => r.MonthlyCost?.Utilisation > 1))
        {
            notes.Add($"{r.Name}: the traffic needs more than {p.ProvisionedConcurrency} provisioned environment(s) (utilisation over 100%); raise --provisioned-concurrency or expect more spillover.");
        }

        return notes;
    }
}
