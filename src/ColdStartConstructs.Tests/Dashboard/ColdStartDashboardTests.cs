using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.Assertions;
using ColdStart.Constructs.Dashboard.Internal;
using ColdStart.Constructs.Tests.Comparison;
using ColdStart.Constructs.Tests.Support;
using Xunit;

namespace ColdStart.Constructs.Tests.Dashboard;

public class ColdStartDashboardTests
{
    private static (JsonObject Body, ColdStartComparison Comparison, Template Template) ComparisonDashboard(Action<ColdStartComparisonProps>? configure = null)
    {
        var (stack, comparison) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants(configure));
        var template = Template.FromStack(stack);
        return (DashboardBody.Of(template), comparison, template);
    }

    private static JsonObject Widget(JsonObject body, string title) =>
        Assert.Single(DashboardBody.Widgets(body), w => DashboardBody.Title(w) == title);

    private static string[] MetricRow(string name, string statistic, params string[] dimensions) =>
        ["AWS/Lambda", name, .. dimensions, statistic];

    private static string[] Describe(JsonArray metric) =>
        [.. metric.Take(metric.Count - 1).Select(n => (string)n!), (string)metric[^1]!["stat"]!];

    [Fact]
    public void Function_metrics_of_each_column_use_its_function_name()
    {
        var (body, comparison, _) = ComparisonDashboard();

        foreach (var variant in comparison.Variants)
        {
            string[] function = ["FunctionName", DashboardBody.Ref(DashboardBody.LogicalId(variant.Function.Function))];
            Assert.Equal(
                [MetricRow("Invocations", "Sum", function), MetricRow("Errors", "Sum", function), MetricRow("Throttles", "Sum", function)],
                DashboardBody.Metrics(Widget(body, $"{variant.Name} · Invocations, errors, throttles")).Select(Describe));
            Assert.Equal(
                [MetricRow("Duration", "p50", function), MetricRow("Duration", "p90", function), MetricRow("Duration", "p99", function)],
                DashboardBody.Metrics(Widget(body, $"{variant.Name} · Duration p50 / p90 / p99 (ms)")).Select(Describe));
            Assert.Equal(
                [MetricRow("ConcurrentExecutions", "Maximum", function)],
                DashboardBody.Metrics(Widget(body, $"{variant.Name} · Concurrent executions")).Select(Describe));
        }
    }

    [Fact]
    public void Provisioned_concurrency_metrics_use_the_alias_resource_dimension_and_only_for_the_prewarmed_variant()
    {
        var (body, comparison, _) = ComparisonDashboard();

        var prewarmed = comparison.Variants.Single(v => v.Name == "prewarmed");
        var functionRef = DashboardBody.Ref(DashboardBody.LogicalId(prewarmed.Function.Function));
        string[] alias = ["FunctionName", functionRef, "Resource", $"{functionRef}:live"];
        var widget = Widget(body, "prewarmed · Provisioned concurrency");
        Assert.Equal(
            [
                MetricRow("ProvisionedConcurrencyUtilization", "Maximum", alias),
                MetricRow("ProvisionedConcurrencyInvocations", "Sum", alias),
                MetricRow("ProvisionedConcurrencySpilloverInvocations", "Sum", alias),
            ],
            DashboardBody.Metrics(widget).Select(Describe));
        foreach (var name in new[] { "lazy", "snapstart" })
        {
            var text = Assert.Single(DashboardBody.Widgets(body), w => ((string?)w["properties"]!["markdown"])?.StartsWith($"**{name} · Provisioned concurrency**", StringComparison.Ordinal) == true);
            Assert.Equal("text", (string)text["type"]!);
            Assert.Contains("None", (string)text["properties"]!["markdown"]!);
        }
    }

    [Fact]
    public void Logs_insights_widgets_query_each_variant_s_own_log_group()
    {
        var (body, comparison, _) = ComparisonDashboard();

        foreach (var variant in comparison.Variants)
        {
            var source = $"SOURCE '{DashboardBody.Ref(DashboardBody.LogicalId(variant.LogGroup))}' | ";
            var queries = DashboardBody.Widgets(body)
                .Where(w => (string)w["type"]! == "log" && DashboardBody.Title(w).StartsWith(variant.Name + " · ", StringComparison.Ordinal))
                .ToDictionary(w => DashboardBody.Title(w)[(variant.Name.Length + 3)..], w => (string)w["properties"]!["query"]!);

            Assert.Equal(
                variant.Strategy == ColdStartStrategy.SnapStart
                    ? ["Cold starts (REPORT lines with Init Duration)", "Init Duration (ms) and its cost", "SnapStart restores: Restore Duration (ms) and cost", "Slowest imports across cold starts (µs)", "Imports around invocations (START/END in stream order)"]
                    : ["Cold starts (REPORT lines with Init Duration)", "Init Duration (ms) and its cost", "Slowest imports across cold starts (µs)", "Imports around invocations (START/END in stream order)"],
                queries.Keys);
            Assert.All(queries.Values, q => Assert.StartsWith(source, q));
            Assert.Contains("filter @type = \"REPORT\"\n| stats sum(strcontains(@message, \"Init Duration\")) as cold_starts", queries["Cold starts (REPORT lines with Init Duration)"]);
            Assert.Contains("pct(@initDuration, 50) as p50_ms, pct(@initDuration, 90) as p90_ms, pct(@initDuration, 99) as p99_ms", queries["Init Duration (ms) and its cost"]);
            Assert.Contains($"| parse @message /{InsightsQueries.ImportLinePattern}/", queries["Slowest imports across cold starts (µs)"]);
            Assert.Contains("by module\n| sort avg_cumulative_us desc", queries["Slowest imports across cold starts (µs)"]);
            Assert.Contains($"| parse @message /{InsightsQueries.InvocationBoundaryPattern}/", queries["Imports around invocations (START/END in stream order)"]);
        }
    }

    [Fact]
    public void Init_cost_is_priced_per_millisecond_for_the_function_s_memory_and_architecture()
    {
        // 512 MB on arm64: 0.5 GB x 0.0000133334 USD/GB-s (arm64's own price) / 1000 ms.
        var (body, _, _) = ComparisonDashboard();

        var query = (string)Widget(body, "lazy · Init Duration (ms) and its cost")["properties"]!["query"]!;

        Assert.Contains("sum(@initDuration * 0.0000000066667) as init_usd", query);
    }

    [Fact]
    public void The_snapstart_column_prices_restores_and_caches_the_snapshot_every_second()
    {
        // 512 MB arm64: restore 0.5 GB x 0.0001397998; billed restore 0.5 x 0.0000133334 / 1000 per ms; cache 0.5 x 0.0000015046 per s.
        var (body, _, _) = ComparisonDashboard();

        var restore = (string)Widget(body, "snapstart · SnapStart restores: Restore Duration (ms) and cost")["properties"]!["query"]!;
        var cost = (string)DashboardBody.Metrics(Widget(body, "snapstart · Estimated cost per hour (USD, INIT and restores excluded)")).First()[0]!["expression"]!;
        var none = DashboardBody.Widgets(body).Where(w => ((string?)w["properties"]!["markdown"])?.Contains(" · SnapStart restores**", StringComparison.Ordinal) == true);

        Assert.Contains($"| parse @message /{InsightsQueries.RestorePattern}/", restore);
        Assert.Contains("count(*) * 0.0000698999 as restore_charge_usd, sum(billed_restore_ms * 0.0000000066667) as billed_restore_usd", restore);
        Assert.Equal("FILL(inv, 0) * 0.0000002 + FILL(dur, 0) / 1000 * 0.0000066667 + PERIOD(inv) * 0.0000007523", cost);
        Assert.Equal(["**lazy · SnapStart restores**", "**prewarmed · SnapStart restores**"], none.Select(w => ((string)w["properties"]!["markdown"]!).Split('\n')[0]));
    }

    [Fact]
    public void Cost_lines_price_requests_and_duration_and_add_allocated_provisioned_concurrency_for_the_prewarmed_variant()
    {
        var (body, _, _) = ComparisonDashboard(p => p.Function.Architecture = Architecture.X86_64);

        static string Expression(JsonObject widget) => (string)DashboardBody.Metrics(widget).First()[0]!["expression"]!;
        var lazy = Expression(Widget(body, "lazy · Estimated cost per hour (USD, INIT excluded)"));
        var prewarmed = Expression(Widget(body, "prewarmed · Estimated cost per hour (USD, INIT excluded)"));

        // 512 MB x86_64: on-demand 0.5 x 0.0000166667; provisioned duration 0.5 x 0.0000097222; allocated 1 x 0.5 x 0.0000041667.
        Assert.Equal("FILL(inv, 0) * 0.0000002 + FILL(dur, 0) / 1000 * 0.00000833335", lazy);
        Assert.Equal(
            "FILL(inv, 0) * 0.0000002 + FILL(dur, 0) / 1000 * 0.0000048611 + IF(FILL(inv, 0) > 0, FILL(dur, 0) / 1000 * 0.00000347225 * FILL(spill, 0) / FILL(inv, 0), 0) + PERIOD(inv) * 0.00000208335",
            prewarmed);
    }

    [Fact]
    public void Columns_share_the_grid_and_rows_line_up()
    {
        var (body, _, _) = ComparisonDashboard();

        var columns = DashboardBody.Widgets(body).Where(w => (int)w["width"]! < DashboardLayout.GridWidth).ToArray();
        Assert.All(columns, w => Assert.Equal(8, (int)w["width"]!));
        foreach (var row in columns.GroupBy(w => (int)w["y"]!))
        {
            Assert.Equal([0, 8, 16], row.Select(w => (int)w["x"]!).Order());
            Assert.Single(row.Select(w => (int)w["height"]!).Distinct());
        }
        Assert.Equal(11, columns.Select(w => (int)w["y"]!).Distinct().Count()); // with the SnapStart restores row
    }

    [Fact]
    public void Works_on_its_own_for_any_function_with_lambda_s_log_group_by_default()
    {
        var stack = Cdk.NewStack();
        var big = new Function(stack, "Big", new FunctionProps
        {
            Code = Cdk.HandlerCode(), Handler = "app.handler", Runtime = Runtime.PYTHON_3_12, MemorySize = 1024, Architecture = Architecture.ARM_64,
        });
        var imported = Function.FromFunctionArn(stack, "Imported", "arn:aws:lambda:us-east-1:123456789012:function:legacy-fn");

        new ColdStartDashboard(stack, "Board", new ColdStartDashboardProps
        {
            Variants = [new DashboardVariant { Label = "big", Function = big }, new DashboardVariant { Label = "legacy", Function = imported }],
            Pricing = new LambdaPricing { OnDemandGbSecond = 0.00002, Arm64OnDemandGbSecond = 0.000012 },
        });

        var template = Template.FromStack(stack);
        var body = DashboardBody.Of(template);
        var bigRef = DashboardBody.Ref(DashboardBody.LogicalId(big));
        Assert.StartsWith($"SOURCE '/aws/lambda/{bigRef}' | ", (string)Widget(body, "big · Slowest imports across cold starts (µs)")["properties"]!["query"]!);
        Assert.StartsWith("SOURCE '/aws/lambda/legacy-fn' | ", (string)Widget(body, "legacy · Slowest imports across cold starts (µs)")["properties"]!["query"]!);
        // 1024 MB arm64 at arm64's 0.000012 (the x86_64 0.00002 does not apply); the imported function gets Lambda's defaults, 128 MB x86_64 at 0.00002.
        Assert.EndsWith("* 0.000012", (string)DashboardBody.Metrics(Widget(body, "big · Estimated cost per hour (USD, INIT excluded)")).First()[0]!["expression"]!);
        Assert.EndsWith("* 0.0000025", (string)DashboardBody.Metrics(Widget(body, "legacy · Estimated cost per hour (USD, INIT excluded)")).First()[0]!["expression"]!);
        Assert.All(DashboardBody.Widgets(body).Where(w => (int)w["width"]! < DashboardLayout.GridWidth), w => Assert.Equal(12, (int)w["width"]!));
        template.AllResourcesProperties("AWS::Logs::QueryDefinition", new Dictionary<string, object>
        {
            ["LogGroupNames"] = new object[]
            {
                new Dictionary<string, object> { ["Fn::Join"] = new object[] { "", new object[] { "/aws/lambda/", new Dictionary<string, object> { ["Ref"] = DashboardBody.LogicalId(big) } } } },
                "/aws/lambda/legacy-fn",
            },
        });
    }

    [Fact]
    public void Saved_queries_cover_top_imports_percentiles_and_cold_start_rate_in_a_folder()
    {
        var (_, _, template) = ComparisonDashboard();

        var queries = template.FindResources("AWS::Logs::QueryDefinition").Values
            .Select(r => (IDictionary<string, object>)r["Properties"])
            .ToDictionary(p => (string)p["Name"], p => (string)p["QueryString"]);

        Assert.Equal(
            [
                $"ColdStart/Test/Comparison/{SavedQueries.TopImportsName}",
                $"ColdStart/Test/Comparison/{SavedQueries.PercentilesName}",
                $"ColdStart/Test/Comparison/{SavedQueries.RateName}",
                $"ColdStart/Test/Comparison/{SavedQueries.InitsByTypeName}",
            ],
            queries.Keys);
        Assert.Contains($"| parse @message /{InsightsQueries.ImportLinePattern}/", queries[$"ColdStart/Test/Comparison/{SavedQueries.TopImportsName}"]);
        Assert.Contains("by @log, module\n| sort avg_cumulative_us desc", queries[$"ColdStart/Test/Comparison/{SavedQueries.TopImportsName}"]);
        Assert.Contains("pct(@initDuration, 99) as p99_ms, max(@initDuration) as max_ms by @log", queries[$"ColdStart/Test/Comparison/{SavedQueries.PercentilesName}"]);
        Assert.Contains("/ count(*) * 100 as cold_start_pct, count(*) as invocations by bin(1h), @log", queries[$"ColdStart/Test/Comparison/{SavedQueries.RateName}"]);
        Assert.Contains($"| parse @message /{InsightsQueries.ProfileStartPattern}/", queries[$"ColdStart/Test/Comparison/{SavedQueries.InitsByTypeName}"]);
    }

    [Fact]
    public void Saved_queries_can_be_left_out()
    {
        var stack = Cdk.NewStack();
        var fn = Function.FromFunctionName(stack, "Fn", "orders");

        var board = new ColdStartDashboard(stack, "Board", new ColdStartDashboardProps
        {
            Variants = [new DashboardVariant { Label = "orders", Function = fn }],
            SavedQueries = false,
        });

        Template.FromStack(stack).ResourceCountIs("AWS::Logs::QueryDefinition", 0);
        Assert.Empty(board.QueryDefinitions);
    }
}
