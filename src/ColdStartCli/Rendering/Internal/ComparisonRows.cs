using System.Globalization;
using ColdStart.Analysis;
using ColdStart.Analysis.Comparison;
using ColdStart.Analysis.Pricing;
using ColdStart.Cli.Internal;

namespace ColdStart.Cli.Rendering.Internal;

/// <summary>The rows of the side-by-side comparison table, shared by the text and Markdown renderers.</summary>
internal static class ComparisonRows
{
    /// <summary>A figure that cannot be known from the logs (text and Markdown; JSON has <c>null</c>).</summary>
    public const string Unknown = "unknown";

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

        var anyRestores = s.Any(r => r.Restores > 0);
        var anyPreInitialised = s.Any(r => r.PreInitialisedFirstInvocations > 0);
        var anySnapStart = s.Any(r => r.MonthlyCost?.Kind == StrategyKind.SnapStart);

        Section("Cold starts");
        Add("Priced as", r => KindName(r.Kind));
        Add("Import profiles", r => r.ColdStartProfiles == 0
            ? "0"
            : $"{r.ColdStartProfiles} ({string.Join(", ", r.ProfilesByInitType.Select(kv => $"{kv.Key} {kv.Value}"))})");
        Add("Invocations", r => Format.Count(r.Invocations));
        Add("Cold-start rate", r => r.ColdStartRate is null ? Format.None : $"{Format.Percent(r.ColdStartRate)} ({r.ColdInvocations} of {r.Invocations})");
        Add("Pre-initialised first invocations", r => Format.Count(r.PreInitialisedFirstInvocations));
        Add("SnapStart restores", r => Format.Count(r.Restores));

        Section("Latency (ms)");
        AddPercentiles("Init Duration", r => r.InitDurationMs, withMax: true);
        if (anyRestores)
        {
            AddPercentiles("Restore Duration", r => r.RestoreDurationMs, withMax: true);
        }

        AddPercentiles("First invocation", r => r.FirstInvocationLatencyMs, withMax: true);
        if (anyPreInitialised)
        {
            Add("Pre-initialised first p50", r => Format.Ms(r.PreInitialisedFirstDurationMs.P50));
        }

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
        Add("Provisioned concurrency", r => r.MonthlyCost is { } c
            ? c.ProvisionedConcurrency is { } pc ? $"{Format.Dollars(c.ProvisionedCost)} ({pc} environment{(pc == 1 ? "" : "s")})" : Format.Dollars(c.ProvisionedCost)
            : Format.None);
        Add("Provisioned duration", r => Format.Dollars(r.MonthlyCost?.ProvisionedDurationCost));
        if (anySnapStart)
        {
            Add("Snapshot cache", r => Format.Dollars(r.MonthlyCost?.SnapshotCacheCost));
            Add("Restores", r => r.MonthlyCost is { } c ? $"{Format.Dollars(c.RestoreCost)} ({Format.Count((long)Math.Round(c.RestoresPerMonth))} restores)" : Format.None);
            Add("Billed restore duration", r => r.MonthlyCost is { } c ? c.RestoreDurationCost is { } d ? Format.Dollars(d) : Unknown : Format.None);
        }

        Add("Total", r => r.MonthlyCost is { } c ? c.Total is { } total ? Format.Dollars(total) : Unknown : Format.None);
        Add("PC utilisation", r => Format.Percent(r.MonthlyCost?.Utilisation));
        return rows;
    }

    public static string KindName(StrategyKind kind) => kind switch
    {
        StrategyKind.ProvisionedConcurrency => "provisioned",
        StrategyKind.SnapStart => "snapstart",
        _ => "on-demand",
    };

    /// <summary>The sentences printed under the table: assumptions, the cheapest strategy, the break-even point.</summary>
    public static IReadOnlyList<string> Notes(StrategyComparison comparison)
    {
        var p = comparison.Pricing;
        var prices = p.Prices;
        var overrides = p.ProvisionedConcurrencyByStrategy.Count == 0
            ? ""
            : $" ({string.Join(", ", p.ProvisionedConcurrencyByStrategy.Select(kv => $"{kv.Key} {kv.Value}"))})";
        var notes = new List<string>
        {
            $"Pricing: {Format.Count((long)p.MonthlyRequests)} requests/month, {ArchitectureName(p.Architecture)}, " +
            $"memory {(p.MemoryMb is { } m ? $"{m} MB" : "from the logs")}, provisioned concurrency {p.ProvisionedConcurrency}{overrides}, " +
            $"spillover {(p.SpilloverFraction is { } f ? Format.Percent(f) : "as measured")}, " +
            $"INIT {(p.InitBilled ? "billed (as since 2025-08-01)" : "not billed")}; " +
            $"{ArchitectureName(p.Architecture)} prices ${Format.Number(prices.OnDemand)}/GB-s on-demand, ${Format.Number(prices.Provisioned)}/GB-s provisioned + " +
            $"${Format.Number(prices.ProvisionedDuration)}/GB-s provisioned duration, ${p.RequestPricePerMillion.ToString("0.00##", CultureInfo.InvariantCulture)} per million requests.",
            double.IsFinite(comparison.BreakEvenUtilisation)
                ? $"Break-even utilisation: {Format.Percent(comparison.BreakEvenUtilisation)}: provisioned concurrency costs less than on-demand only when it is busy more than that share of the time."
                : "Break-even utilisation: never: with these prices provisioned concurrency never costs less than on-demand.",
        };

        if (comparison.Strategies.Any(r => r.MonthlyCost?.Kind == StrategyKind.SnapStart))
        {
            notes.Add($"SnapStart: snapshot cache ${Format.Number(p.SnapshotCachePricePerGbSecond)}/GB-s for {Format.Number(Math.Max(p.SnapStartActiveHours ?? p.HoursPerMonth, PricingModel.SnapshotCacheMinimumHours))} h/month " +
                $"(assumed active {(p.SnapStartActiveHours is null ? "the whole month" : "that long")}, at least {Format.Number(PricingModel.SnapshotCacheMinimumHours)} h; --snapstart-active-hours), " +
                $"${Format.Number(p.RestorePricePerGb)} per GB restored, Billed Restore Duration at the on-demand rate.");
        }

        var priced = comparison.Strategies.Where(r => r.MonthlyCost?.Total is not null).ToList();
        if (priced.Count > 1)
        {
            var cheapest = priced.MinBy(r => r.MonthlyCost!.Total!.Value)!;
            var of = priced.Count < comparison.Strategies.Count(r => r.MonthlyCost is not null) ? " (of those with a known total)" : "";
            notes.Add($"Cheapest{of}: {cheapest.Name} at {Format.Dollars(cheapest.MonthlyCost!.Total)}/month.");
        }

        foreach (var r in comparison.Strategies.Where(r => r.MonthlyCost is null))
        {
            notes.Add($"{r.Name}: no REPORT lines in its logs, so no invocation figures or cost.");
        }

        foreach (var r in comparison.Strategies.Where(r => r.MonthlyCost is { RestoreDurationCost: null }))
        {
            notes.Add($"{r.Name}: its logs show SnapStart restores but no Billed Restore Duration, so that charge and the total are unknown.");
        }

        foreach (var r in comparison.Strategies.Where(r => r.Kind == StrategyKind.OnDemand && r.ProfilesByInitType.Any(kv => kv.Key == InitTypes.ProvisionedConcurrency)))
        {
            notes.Add($"{r.Name}: priced on demand, so its provisioned-concurrency INITs are billed as on-demand cold starts (what dropping provisioned concurrency would cost); its cold-start rate counts only the INITs callers waited for.");
        }

        foreach (var r in comparison.Strategies.Where(r => r.MonthlyCost?.Utilisation > 1))
        {
            notes.Add($"{r.Name}: the traffic needs more than {r.MonthlyCost!.ProvisionedConcurrency} provisioned environment(s) (utilisation over 100%); raise --provisioned-concurrency {r.Name}=N or expect more spillover.");
        }

        return notes;
    }

    public static string ArchitectureName(Architecture architecture) => architecture == Architecture.Arm64 ? "arm64" : "x86_64";
}
