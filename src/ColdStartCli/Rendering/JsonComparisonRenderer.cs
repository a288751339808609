using System.Text.Json;
using ColdStart.Analysis.Comparison;
using ColdStart.Analysis.Pricing;
using ColdStart.Cli.Rendering.Internal;

namespace ColdStart.Cli.Rendering;

/// <summary>Renders a strategy comparison as JSON; the schema is documented in docs/cli.md.</summary>
internal static class JsonComparisonRenderer
{
    public static string Render(StrategyComparison comparison, IReadOnlyList<StrategyInput> inputs) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", JsonOutput.SchemaVersion);
        w.WriteString("kind", "comparison");
        WritePricing(w, comparison.Pricing);
        JsonOutput.Number(w, "breakEvenUtilisation", comparison.BreakEvenUtilisation, 4);
        w.WriteStartArray("strategies");
        foreach (var s in comparison.Strategies)
        {
            WriteStrategy(w, s, inputs.Single(i => i.Name == s.Name));
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WritePricing(Utf8JsonWriter w, PricingModel p)
    {
        w.WriteStartObject("pricing");
        w.WriteNumber("onDemandPricePerGbSecond", p.X86_64Prices.OnDemand);
        w.WriteNumber("provisionedPricePerGbSecond", p.X86_64Prices.Provisioned);
        w.WriteNumber("provisionedDurationPricePerGbSecond", p.X86_64Prices.ProvisionedDuration);
        w.WriteNumber("arm64OnDemandPricePerGbSecond", p.Arm64Prices.OnDemand);
        w.WriteNumber("arm64ProvisionedPricePerGbSecond", p.Arm64Prices.Provisioned);
        w.WriteNumber("arm64ProvisionedDurationPricePerGbSecond", p.Arm64Prices.ProvisionedDuration);
        w.WriteNumber("requestPricePerMillion", p.RequestPricePerMillion);
        w.WriteNumber("snapshotCachePricePerGbSecond", p.SnapshotCachePricePerGbSecond);
        w.WriteNumber("restorePricePerGb", p.RestorePricePerGb);
        w.WriteString("architecture", ComparisonRows.ArchitectureName(p.Architecture));
        // Replaced by the arm64 prices above; kept so that readers of schema 1 find the field.
        w.WriteNull("arm64PriceFactor");
        JsonOutput.Number(w, "memoryMb", p.MemoryMb, 0);
        w.WriteNumber("monthlyRequests", p.MonthlyRequests);
        w.WriteNumber("provisionedConcurrency", p.ProvisionedConcurrency);
        w.WriteStartObject("provisionedConcurrencyByStrategy");
        foreach (var (name, concurrency) in p.ProvisionedConcurrencyByStrategy)
        {
            w.WriteNumber(name, concurrency);
        }

        w.WriteEndObject();
        JsonOutput.Number(w, "spilloverFraction", p.SpilloverFraction, 6);
        w.WriteBoolean("initBilled", p.InitBilled);
        w.WriteNumber("hoursPerMonth", p.HoursPerMonth);
        JsonOutput.Number(w, "snapStartActiveHours", p.SnapStartActiveHours ?? p.HoursPerMonth);
        w.WriteEndObject();
    }

    private static void WriteStrategy(Utf8JsonWriter w, StrategyResult s, StrategyInput input)
    {
        w.WriteStartObject();
        w.WriteString("name", s.Name);
        w.WriteString("kind", s.Kind switch
        {
            StrategyKind.ProvisionedConcurrency => "provisioned-concurrency",
            StrategyKind.SnapStart => "snapstart",
            _ => "on-demand",
        });
        w.WriteNumber("profiles", s.ColdStartProfiles);
        w.WriteStartObject("profilesByInitType");
        foreach (var (initType, count) in s.ProfilesByInitType)
        {
            w.WriteNumber(initType, count);
        }

        w.WriteEndObject();
        w.WriteNumber("invocations", s.Invocations);
        w.WriteNumber("coldInvocations", s.ColdInvocations);
        JsonOutput.Number(w, "coldStartRate", s.ColdStartRate, 6);
        w.WriteNumber("preInitialisedFirstInvocations", s.PreInitialisedFirstInvocations);
        w.WriteNumber("restores", s.Restores);
        JsonOutput.Percentiles(w, "initDurationMs", s.InitDurationMs);
        JsonOutput.Percentiles(w, "restoreDurationMs", s.RestoreDurationMs);
        JsonOutput.Percentiles(w, "firstInvocationLatencyMs", s.FirstInvocationLatencyMs);
        JsonOutput.Percentiles(w, "preInitialisedFirstDurationMs", s.PreInitialisedFirstDurationMs);
        JsonOutput.Percentiles(w, "warmDurationMs", s.WarmDurationMs);
        JsonOutput.Percentiles(w, "initImportMs", s.InitImportMs);
        JsonOutput.Percentiles(w, "lazyImportMs", s.LazyImportMs);

        if (s.Workload is { } workload)
        {
            w.WriteStartObject("workload");
            w.WriteNumber("memoryMb", workload.MemoryMb);
            JsonOutput.Number(w, "meanBilledDurationMs", workload.MeanBilledDurationMs);
            JsonOutput.Number(w, "onDemandInitRate", workload.OnDemandInitRate, 6);
            JsonOutput.Number(w, "meanInitDurationMs", workload.MeanInitDurationMs);
            JsonOutput.Number(w, "spilloverFraction", workload.SpilloverFraction, 6);
            JsonOutput.Number(w, "restoreRate", workload.RestoreRate, 6);
            JsonOutput.Number(w, "meanBilledRestoreDurationMs", workload.MeanBilledRestoreDurationMs);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("workload");
        }

        if (s.MonthlyCost is { } cost)
        {
            w.WriteStartObject("monthlyCostUsd");
            JsonOutput.Number(w, "memoryGb", cost.MemoryGb, 6);
            JsonOutput.Number(w, "requests", cost.Requests, 0);
            JsonOutput.Number(w, "requestCost", cost.RequestCost, 6);
            JsonOutput.Number(w, "durationCost", cost.DurationCost, 6);
            JsonOutput.Number(w, "initCost", cost.InitCost, 6);
            JsonOutput.Number(w, "provisionedCost", cost.ProvisionedCost, 6);
            JsonOutput.Number(w, "provisionedDurationCost", cost.ProvisionedDurationCost, 6);
            JsonOutput.Number(w, "snapshotCacheCost", cost.SnapshotCacheCost, 6);
            JsonOutput.Number(w, "restoreCost", cost.RestoreCost, 6);
            JsonOutput.Number(w, "restoreDurationCost", cost.RestoreDurationCost, 6);
            JsonOutput.Number(w, "total", cost.Total, 6);
            JsonOutput.Number(w, "coldStartsPerMonth", cost.ColdStartsPerMonth, 1);
            JsonOutput.Number(w, "restoresPerMonth", cost.RestoresPerMonth, 1);
            JsonOutput.Number(w, "provisionedConcurrency", cost.ProvisionedConcurrency, 0);
            JsonOutput.Number(w, "utilisation", cost.Utilisation, 6);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("monthlyCostUsd");
        }

        WriteInput(w, input);
        w.WriteEndObject();
    }

    /// <summary>What was left out of the strategy's figures, as <c>coldstart report</c>'s summary says it.</summary>
    private static void WriteInput(Utf8JsonWriter w, StrategyInput input)
    {
        JsonOutput.IncompleteColdStarts(w, input.Incomplete);
        w.WriteNumber("duplicateEventsDropped", input.DuplicateEventsDropped);
        JsonOutput.PartialInputs(w, input.PartialInputs);
    }
}
