using ColdStart.Analysis.Comparison;
using ColdStart.Analysis.Pricing;
using ColdStart.Analysis.Tests.Support;
using ColdStart.Bench.Logs;

namespace ColdStart.Analysis.Tests.Reporting;

/// <summary>
/// Property: the benchmark's generated exports (bench/RealisticLogs: real CPython captures with jittered timings; tail text
/// with 20 interleaved environments, the same events as JSON, raw <c>-X importtime</c>, dense console text, one enormous
/// cold start), small and with several seeds, give exactly the report of the aggregation before streaming.
/// </summary>
public sealed class GeneratedExportEquivalenceTests(GeneratedExportEquivalenceTests.Captures captures) : IClassFixture<GeneratedExportEquivalenceTests.Captures>
{
    public static TheoryData<LogShape, int, string> Cases()
    {
        var cases = new TheoryData<LogShape, int, string>();
        foreach (var shape in LogShapes.All)
        {
            foreach (var seed in new[] { 1, 2, 3 })
            {
                cases.Add(shape, seed, "on-demand");
            }
        }

        cases.Add(LogShape.AwsLogsTail, 4, "provisioned-concurrency");
        cases.Add(LogShape.FilterLogEventsJson, 5, "provisioned-concurrency");
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_generated_export_gives_the_same_report(LogShape shape, int seed, string initType)
    {
        var path = Path.Combine(captures.Catalog.Directory, $"{shape.ShortName()}-{seed}-{initType}.{shape.Extension()}");
        var log = new LogGenerator(captures.Catalog.Profiles).Write(path, shape, shape == LogShape.EnormousColdStart ? 150_000 : 250_000, seed, initType);

        var parsed = ReportEquivalence.AssertSameEverywhere(() => [LogSource.FromFile(path)]);

        Assert.Equal(log.ColdStarts, parsed.ColdStarts.Count);
        Assert.Equal(log.ImportRows, parsed.ColdStarts.Sum(c => (long)c.AllImports.Count()));
    }

    [Fact]
    public void Generated_strategies_compare_the_same_streamed_as_parsed()
    {
        var lazy = Path.Combine(captures.Catalog.Directory, "compare-lazy.log");
        var prewarmed = Path.Combine(captures.Catalog.Directory, "compare-prewarmed.log");
        var generator = new LogGenerator(captures.Catalog.Profiles);
        generator.Write(lazy, LogShape.AwsLogsTail, 1_500_000, 6, "on-demand");
        generator.Write(prewarmed, LogShape.AwsLogsTail, 1_500_000, 7, "provisioned-concurrency");
        var pricing = new PricingModel { ProvisionedConcurrencyByStrategy = new Dictionary<string, int> { ["prewarmed"] = 20 } };

        var parsed = StrategyComparison.Build(
            [("lazy", LogParser.Parse([LogSource.FromFile(lazy)])), ("prewarmed", LogParser.Parse([LogSource.FromFile(prewarmed)]))], pricing);
        var streamed = StrategyComparison.Build(
            [StrategyLogs.Read("lazy", [LogSource.FromFile(lazy)]), StrategyLogs.Read("prewarmed", [LogSource.FromFile(prewarmed)])], pricing);

        // every environment's rows through the temporary file (otherwise only past 65,536 open rows)
        var spilled = StrategyComparison.Build(
            [StrategyLogs.ReadWithSpill("lazy", [LogSource.FromFile(lazy)], null, spillAfterRows: 0), StrategyLogs.ReadWithSpill("prewarmed", [LogSource.FromFile(prewarmed)], null, spillAfterRows: 0)], pricing);

        Assert.True(parsed.Strategies[0].ColdStartProfiles > 30);
        Assert.Equal(StrategyKind.ProvisionedConcurrency, parsed.Strategies[1].Kind);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(parsed.Strategies), System.Text.Json.JsonSerializer.Serialize(streamed.Strategies));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(parsed.Strategies), System.Text.Json.JsonSerializer.Serialize(spilled.Strategies));
    }

    /// <summary>One input directory for the class: the local CPython is captured once, then every case generates from it.</summary>
    public sealed class Captures : IDisposable
    {
        public InputCatalog Catalog { get; } = new(Path.Combine(Path.GetTempPath(), "coldstart-equivalence-" + Guid.NewGuid().ToString("N")));

        public void Dispose() => Directory.Delete(Catalog.Directory, recursive: true);
    }
}
