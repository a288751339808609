using System.Text.Json;
using ColdStart.Analysis.Comparison;
using ColdStart.Analysis.Pricing;
using ColdStart.Cli.Rendering.Internal;

namespace ColdStart.Cli.Rendering;

/// <summary>Renders a strategy comparison as JSON; the schema is documented in docs/cli.md.</summary>
internal static class JsonComparisonRenderer
{
    public static string Render(StrategyComparison comparison) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", JsonOutput.SchemaVersion);
        w.WriteString("kind", "comparison");
        WritePricing(w, comparison.Pricing);
        JsonOutput.Number(w, "breakEvenUtilisation", comparison.BreakEvenUtilisation, 4);
        w.WriteStartArray("strategies");
        foreach (var s in comparison.Strategies)
        {
            WriteStrategy(w, s);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WritePricing(Utf8JsonWriter w, PricingModel p)
    {
        w.WriteStartObject("pricing");
        w.WriteNumber("onDemandPricePerGbSecond", p.OnDemandPricePerGbSecond);
        w.WriteNumber("provisionedPricePerGbSecond", p.ProvisionedPricePerGbSecond);
        w.WriteNumber("provisionedDurationPricePerGbSecond", p.ProvisionedDurationPricePerGbSecond);
        w.WriteNumber("requestPricePerMillion", p.RequestPricePerMillion);
        w.WriteString("architecture", p.Architecture == Architecture.Arm64 ? "arm64" : "x86_64");
        w.WriteNumber("arm64PriceFactor", p.Arm64PriceFactor);
        if (p.MemoryMb is { } memory)
        {
            w.WriteNumber("memoryMb", memory);
        }
        else
        {
            w.WriteNull("memoryMb");
        }

        w.WriteNumber("monthlyRequests", p.MonthlyRequests);
        w.WriteNumber("provisionedConcurrency", p.ProvisionedConcurrency);
        JsonOutput.Number(w, "spilloverFraction", p.SpilloverFraction, 6);
        w.WriteBoolean("initBilled", p.InitBilled);
        w.WriteNumber("hoursPerMonth", p.HoursPerMonth);
        w.WriteEndObject();
    }

    private static void WriteStrategy(Utf8JsonWriter w, StrategyResult s)
    {
        w.WriteStartObject();
        w.WriteString("name", s.Name);
        w.WriteString("kind", s.Kind == StrategyKind.ProvisionedConcurrency ? "provisioned-concurrency" : "on-demand");
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
        JsonOutput.Percentiles(w, "initDurationMs", s.InitDurationMs);
        JsonOutput.Percentiles(w, "firstInvocationLatencyMs", s.FirstInvocationLatencyMs);
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
            JsonOutput.Number(w, "total", cost.Total, 6);
            JsonOutput.Number(w, "coldStartsPerMonth", cost.ColdStartsPerMonth, 1);
            JsonOutput.Number(w, "utilisation", cost.Utilisation, 6);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("monthlyCostUsd");
        }

        w.WriteEndObject();
    }
}
