using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.Assertions;
using ColdStart.Constructs.Dashboard.Internal;
using ColdStart.Constructs.Tests.Comparison;
using ColdStart.Constructs.Tests.Support;
using Xunit;
using CdkAnnotations = Amazon.CDK.Assertions.Annotations;
using Match = Amazon.CDK.Assertions.Match;
using Saved = ColdStart.Constructs.Dashboard.Internal.SavedQueries;

namespace ColdStart.Constructs.Tests.Dashboard;

/// <summary>
/// The dashboard reads each function's log format at synth and writes its queries for it: Lambda's text format, its JSON
/// format, or both when the format cannot be known. What each form reads is tested in <see cref="InsightsQueriesTests"/>.
/// </summary>
public class LogFormatTests
{
    private static readonly string[] QueryTitles =
    [
        "Cold starts (REPORT lines with Init Duration)",
        "Init Duration (ms) and its cost",
        "Imports around invocations (START/END in stream order)",
    ];

    private static Dictionary<string, string> Queries(JsonObject body, string label) =>
        DashboardBody.Widgets(body)
            .Where(w => (string)w["type"]! == "log" && DashboardBody.Title(w).StartsWith(label + " · ", StringComparison.Ordinal))
            .ToDictionary(w => DashboardBody.Title(w)[(label.Length + 3)..], w => (string)w["properties"]!["query"]!);

    private static string Header(JsonObject body, string label) =>
        DashboardBody.Widgets(body).Select(w => (string?)w["properties"]!["markdown"]).Single(m => m?.StartsWith($"### {label}\n", StringComparison.Ordinal) == true)!;

    private static Dictionary<string, string> SavedQueries(Template template) =>
        template.FindResources("AWS::Logs::QueryDefinition").Values
            .Select(r => (IDictionary<string, object>)r["Properties"])
            .ToDictionary(p => ((string)p["Name"]).Split('/')[^1], p => (string)p["QueryString"]);

    /// <summary>The query as it would be for the given form, after the widget's <c>SOURCE</c> prefix.</summary>
    private static void AssertForm(string query, string[] expected) =>
        Assert.EndsWith(InsightsQueries.Text(expected), query, StringComparison.Ordinal);

    [Fact]
    public void A_json_logging_comparison_reads_platform_report_records_and_record_metrics()
    {
        var (stack, comparison) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants(p => p.Function.LoggingFormat = LoggingFormat.JSON));

        var template = Template.FromStack(stack);
        var body = DashboardBody.Of(template);

        template.AllResourcesProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["LoggingConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["LogFormat"] = "JSON" }),
        });
        foreach (var variant in comparison.Variants)
        {
            var queries = Queries(body, variant.Name);
            Assert.Contains("filter type = \"platform.report\"", queries["Cold starts (REPORT lines with Init Duration)"]);
            Assert.Contains("pct(record.metrics.initDurationMs, 50) as p50_ms", queries["Init Duration (ms) and its cost"]);
            Assert.Contains("type = \"platform.start\" or type = \"platform.runtimeDone\"", queries["Imports around invocations (START/END in stream order)"]);
            Assert.All(queries.Values, q => Assert.DoesNotContain("@type = \"REPORT\"", q));
            // Import rows stay plain text in the JSON format: the import queries are the same as for text.
            AssertForm(queries["Slowest imports across cold starts (µs)"], InsightsQueries.SlowestImports());
            Assert.EndsWith("· JSON logs", Header(body, variant.Name).Split('\n')[1]);
        }

        AssertForm(Queries(body, "snapstart")["SnapStart restores: Restore Duration (ms) and cost"],
            InsightsQueries.RestoreDuration(LogFormats.Json, 0.0000000066667, 0.0000698999));
        var saved = SavedQueries(template);
        Assert.Equal(InsightsQueries.Text(InsightsQueries.ColdStartPercentilesByVariant(LogFormats.Json)), saved[Saved.PercentilesName]);
        Assert.Equal(InsightsQueries.Text(InsightsQueries.ColdStartRateOverTime(LogFormats.Json)), saved[Saved.RateName]);
        Assert.Equal(InsightsQueries.Text(InsightsQueries.TopImportsByCumulativeTime()), saved[Saved.TopImportsName]);
    }

    [Fact]
    public void A_comparison_whose_variants_mix_formats_gets_queries_per_variant_and_saved_queries_that_read_both()
    {
        var (stack, _) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants(p => p.Variants[1].LoggingFormat = LoggingFormat.JSON));

        var template = Template.FromStack(stack);
        var body = DashboardBody.Of(template);

        foreach (var (label, format) in new[] { ("lazy", LogFormats.Text), ("prewarmed", LogFormats.Json), ("snapstart", LogFormats.Text) })
        {
            var queries = Queries(body, label);
            AssertForm(queries[QueryTitles[0]], InsightsQueries.ColdStarts(format));
            AssertForm(queries[QueryTitles[1]], InsightsQueries.InitDuration(format, 0.0000000066667));
            AssertForm(queries[QueryTitles[2]], InsightsQueries.ImportsAroundInvocations(format));
        }

        var saved = SavedQueries(template);
        Assert.Equal(InsightsQueries.Text(InsightsQueries.ColdStartPercentilesByVariant(LogFormats.Both)), saved[Saved.PercentilesName]);
        Assert.Equal(InsightsQueries.Text(InsightsQueries.ColdStartRateOverTime(LogFormats.Both)), saved[Saved.RateName]);
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Handler"] = "app.eager_handler",
            ["LoggingConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["LogFormat"] = "JSON" }),
            ["SnapStart"] = Match.Absent(),
        });
    }

    [Fact]
    public void A_text_logging_comparison_keeps_the_text_queries()
    {
        var (stack, _) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants(p => p.Function.LoggingFormat = LoggingFormat.TEXT));

        var body = DashboardBody.Of(Template.FromStack(stack));

        AssertForm(Queries(body, "lazy")[QueryTitles[1]], InsightsQueries.InitDuration(LogFormats.Text, 0.0000000066667));
        Assert.EndsWith("· text logs", Header(body, "lazy").Split('\n')[1]);
    }

    [Fact]
    public void Functions_whose_format_is_unknown_at_synth_get_queries_that_read_both()
    {
        var stack = Cdk.NewStack();
        var imported = Function.FromFunctionArn(stack, "Imported", "arn:aws:lambda:us-east-1:123456789012:function:legacy-fn");
        var parameterised = new Function(stack, "Parameterised", new FunctionProps { Code = Cdk.HandlerCode(), Handler = "app.handler", Runtime = Runtime.PYTHON_3_12 });
        var format = new CfnParameter(stack, "LogFormat", new CfnParameterProps { Type = "String", AllowedValues = ["Text", "JSON"] });
        ((CfnFunction)parameterised.Node.DefaultChild!).LoggingConfig = new CfnFunction.LoggingConfigProperty { LogFormat = format.ValueAsString };
        var declared = new Function(stack, "Declared", new FunctionProps { Code = Cdk.HandlerCode(), Handler = "app.handler", Runtime = Runtime.PYTHON_3_12 });

        new ColdStartDashboard(stack, "Board", new ColdStartDashboardProps
        {
            Variants =
            [
                new DashboardVariant { Label = "imported", Function = imported },
                new DashboardVariant { Label = "parameterised", Function = parameterised },
                new DashboardVariant { Label = "declared", Function = Function.FromFunctionArn(stack, "DeclaredByArn", "arn:aws:lambda:us-east-1:123456789012:function:json-fn"), LoggingFormat = LoggingFormat.JSON },
                new DashboardVariant { Label = "plain", Function = declared },
            ],
        });

        var template = Template.FromStack(stack);
        var body = DashboardBody.Of(template);
        foreach (var (label, expected) in new[] { ("imported", LogFormats.Both), ("parameterised", LogFormats.Both), ("declared", LogFormats.Json), ("plain", LogFormats.Text) })
        {
            AssertForm(Queries(body, label)[QueryTitles[0]], InsightsQueries.ColdStarts(expected));
        }

        Assert.EndsWith("· text or JSON logs", Header(body, "imported").Split('\n')[1]);
        Assert.Equal(InsightsQueries.Text(InsightsQueries.ColdStartPercentilesByVariant(LogFormats.Both)), SavedQueries(template)[Saved.PercentilesName]);
    }

    [Fact]
    public void A_function_whose_system_log_level_hides_reports_is_warned_about()
    {
        var stack = Cdk.NewStack();
        var quiet = new Function(stack, "Quiet", new FunctionProps
        {
            Code = Cdk.HandlerCode(), Handler = "app.handler", Runtime = Runtime.PYTHON_3_12,
            LoggingFormat = LoggingFormat.JSON, SystemLogLevelV2 = SystemLogLevel.WARN,
        });
        var normal = new Function(stack, "Normal", new FunctionProps
        {
            Code = Cdk.HandlerCode(), Handler = "app.handler", Runtime = Runtime.PYTHON_3_12,
            LoggingFormat = LoggingFormat.JSON, SystemLogLevelV2 = SystemLogLevel.INFO,
        });

        new ColdStartDashboard(stack, "Board", new ColdStartDashboardProps
        {
            Variants = [new DashboardVariant { Label = "quiet", Function = quiet }, new DashboardVariant { Label = "normal", Function = normal }],
        });

        var warnings = CdkAnnotations.FromStack(stack).FindWarning("/Test/Board", Match.StringLikeRegexp(ColdStartDashboard.SystemLogLevelWarningId));
        var warning = (string)Assert.Single(warnings).Entry.Data!;
        Assert.StartsWith("Variant quiet: its function's SystemLogLevel is WARN, so Lambda sends no start and report records", warning);
    }

    [Fact]
    public void A_function_with_snapstart_on_published_versions_gets_the_restore_row_on_its_own()
    {
        var stack = Cdk.NewStack();
        var snap = new Function(stack, "Snap", new FunctionProps { Code = Cdk.HandlerCode(), Handler = "app.handler", Runtime = Runtime.PYTHON_3_12 });
        ((CfnFunction)snap.Node.DefaultChild!).SnapStart = new CfnFunction.SnapStartProperty { ApplyOn = "PublishedVersions" };
        var plain = new Function(stack, "Plain", new FunctionProps { Code = Cdk.HandlerCode(), Handler = "app.handler", Runtime = Runtime.PYTHON_3_12 });

        new ColdStartDashboard(stack, "Board", new ColdStartDashboardProps
        {
            Variants = [new DashboardVariant { Label = "snap", Function = snap }, new DashboardVariant { Label = "plain", Function = plain }],
        });

        var body = DashboardBody.Of(Template.FromStack(stack));
        Assert.Contains("SnapStart restores: Restore Duration (ms) and cost", Queries(body, "snap").Keys);
        Assert.DoesNotContain("SnapStart restores: Restore Duration (ms) and cost", Queries(body, "plain").Keys);
        Assert.Contains(" · SnapStart · ", Header(body, "snap"));
    }
}
