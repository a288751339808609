using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.Assertions;
using ColdStart.Constructs.Tests.Dashboard;
using Xunit;
using Match = Amazon.CDK.Assertions.Match;

namespace ColdStart.Constructs.Tests.Comparison;

public class ColdStartComparisonTests
{
    private static Dictionary<string, IDictionary<string, object>> FunctionPropertiesById(Template template) =>
        template.FindResources("AWS::Lambda::Function").ToDictionary(r => r.Key, r => (IDictionary<string, object>)r.Value["Properties"]);

    private static IDictionary<string, object> PropertiesOf(Template template, ColdStartComparison comparison, string variant) =>
        FunctionPropertiesById(template)[DashboardBody.LogicalId(comparison.Variants.Single(v => v.Name == variant).Function.Function)];

    [Fact]
    public void Variants_share_every_setting_except_strategy_and_handler()
    {
        var (stack, comparison) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants());

        var template = Template.FromStack(stack);
        var functions = FunctionPropertiesById(template);
        Assert.Equal(3, functions.Count);
        string[] shared = ["Runtime", "MemorySize", "Architectures", "Timeout", "Layers", "Environment", "Code"];
        foreach (var key in shared)
        {
            var values = functions.Values.Select(p => System.Text.Json.JsonSerializer.Serialize(p[key])).Distinct().ToArray();
            Assert.True(values.Length == 1, $"{key} differs between variants: {string.Join(" / ", values)}");
        }
        var lazy = PropertiesOf(template, comparison, "lazy");
        Assert.Equal(512.0, Convert.ToDouble(lazy["MemorySize"]));
        Assert.Equal(new object[] { "arm64" }, (object[])lazy["Architectures"]);
        Assert.Equal("app.lazy_handler", lazy["Handler"]);
        Assert.Equal("app.eager_handler", PropertiesOf(template, comparison, "prewarmed")["Handler"]);
        var variables = (IDictionary<string, object>)((IDictionary<string, object>)lazy["Environment"])["Variables"];
        Assert.Equal("orders", variables["TABLE"]);
        Assert.Equal("/opt/importtime_wrapper", variables["AWS_LAMBDA_EXEC_WRAPPER"]);
        Assert.Equal(["lazy", "prewarmed", "snapstart"], comparison.Variants.Select(v => v.Name));
        Assert.Equal([ColdStartStrategy.OnDemand, ColdStartStrategy.PreWarmed, ColdStartStrategy.SnapStart], comparison.Variants.Select(v => v.Strategy));
    }

    [Fact]
    public void The_prewarmed_variant_has_provisioned_concurrency_on_its_alias_with_autoscaling()
    {
        var (stack, comparison) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants());

        var template = Template.FromStack(stack);
        var prewarmed = comparison.Variants.Single(v => v.Name == "prewarmed");
        template.ResourceCountIs("AWS::Lambda::Alias", 3);
        template.ResourcePropertiesCountIs("AWS::Lambda::Alias", new Dictionary<string, object>
        {
            ["ProvisionedConcurrencyConfig"] = Match.AnyValue(),
        }, 1);
        template.HasResourceProperties("AWS::Lambda::Alias", new Dictionary<string, object>
        {
            ["Name"] = "live",
            ["FunctionName"] = new Dictionary<string, object> { ["Ref"] = DashboardBody.LogicalId(prewarmed.Function.Function) },
            ["ProvisionedConcurrencyConfig"] = new Dictionary<string, object> { ["ProvisionedConcurrentExecutions"] = 1 },
        });
        template.ResourceCountIs("AWS::ApplicationAutoScaling::ScalableTarget", 1);
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", new Dictionary<string, object>
        {
            ["ScalableDimension"] = "lambda:function:ProvisionedConcurrency",
            ["MinCapacity"] = 1,
            ["MaxCapacity"] = 2,
            ["ResourceId"] = new Dictionary<string, object>
            {
                ["Fn::Join"] = new object[] { "", new object[] { "function:", new Dictionary<string, object> { ["Ref"] = DashboardBody.LogicalId(prewarmed.Function.Function) }, ":live" } },
            },
        });
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", new Dictionary<string, object>
        {
            ["PolicyType"] = "TargetTrackingScaling",
            ["TargetTrackingScalingPolicyConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["PredefinedMetricSpecification"] = new Dictionary<string, object> { ["PredefinedMetricType"] = "LambdaProvisionedConcurrencyUtilization" },
                ["TargetValue"] = 0.7,
            }),
        });
        Assert.Same(prewarmed.Function.Alias, prewarmed.Alias);
        Assert.NotNull(prewarmed.Function.ScalableTarget);
    }

    [Fact]
    public void A_prewarmed_variant_takes_its_own_prewarming_options()
    {
        var (stack, _) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants(p => p.Variants =
        [
            ComparisonVariant.Lazy(),
            ComparisonVariant.PreWarmed(preWarming: new PreWarmingOptions { ProvisionedConcurrency = 3, AliasName = "warm" }),
        ]));

        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::Lambda::Alias", new Dictionary<string, object>
        {
            ["Name"] = "warm",
            ["ProvisionedConcurrencyConfig"] = new Dictionary<string, object> { ["ProvisionedConcurrentExecutions"] = 3 },
        });
        template.ResourceCountIs("AWS::ApplicationAutoScaling::ScalableTarget", 0);
    }

    [Fact]
    public void The_snapstart_variant_applies_snapstart_to_published_versions_without_provisioned_concurrency()
    {
        var (stack, comparison) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants());

        var template = Template.FromStack(stack);
        var snapstart = comparison.Variants.Single(v => v.Name == "snapstart");
        var functionId = DashboardBody.LogicalId(snapstart.Function.Function);
        Assert.Equal(
            new Dictionary<string, object> { ["ApplyOn"] = "PublishedVersions" },
            (IDictionary<string, object>)PropertiesOf(template, comparison, "snapstart")["SnapStart"]);
        Assert.All(new[] { "lazy", "prewarmed" }, name => Assert.False(PropertiesOf(template, comparison, name).ContainsKey("SnapStart")));
        template.HasResourceProperties("AWS::Lambda::Version", new Dictionary<string, object>
        {
            ["FunctionName"] = new Dictionary<string, object> { ["Ref"] = functionId },
        });
        template.HasResourceProperties("AWS::Lambda::Alias", new Dictionary<string, object>
        {
            ["Name"] = "live",
            ["FunctionName"] = new Dictionary<string, object> { ["Ref"] = functionId },
            ["FunctionVersion"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("CurrentVersion"), "Version" } },
            ["ProvisionedConcurrencyConfig"] = Match.Absent(),
        });
    }

    [Fact]
    public void Each_variant_logs_to_its_own_log_group_with_retention()
    {
        var (stack, comparison) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants());

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Logs::LogGroup", 3);
        template.AllResourcesProperties("AWS::Logs::LogGroup", new Dictionary<string, object> { ["RetentionInDays"] = 14 });
        foreach (var variant in comparison.Variants)
        {
            Assert.Equal(
                new Dictionary<string, object> { ["Ref"] = DashboardBody.LogicalId(variant.LogGroup) },
                ((IDictionary<string, object>)PropertiesOf(template, comparison, variant.Name)["LoggingConfig"])["LogGroup"]);
        }
    }

    [Fact]
    public void Outputs_say_how_to_invoke_each_variant_and_export_its_logs_for_coldstart_compare()
    {
        var (stack, comparison) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants());

        var template = Template.FromStack(stack);
        var outputs = template.FindOutputs("*").ToDictionary(o => o.Key, o => DashboardBody.Flatten(o.Value["Value"]));
        foreach (var variant in comparison.Variants)
        {
            var functionRef = DashboardBody.Ref(DashboardBody.LogicalId(variant.Function.Function));
            var logGroupRef = DashboardBody.Ref(DashboardBody.LogicalId(variant.LogGroup));
            string Output(string name) => outputs.Single(o => o.Key.StartsWith($"Comparison{variant.Name}{name}", StringComparison.Ordinal)).Value;

            Assert.Equal(functionRef, Output("FunctionName"));
            Assert.Equal("live", Output("Qualifier"));
            Assert.Equal(logGroupRef, Output("LogGroupName"));
            Assert.Equal($"aws lambda invoke --function-name {functionRef} --qualifier live --cli-binary-format raw-in-base64-out " +
                $"--payload file://event.json {variant.Name}-response.json", Output("InvokeCommand"));
            Assert.Equal($"aws logs filter-log-events --log-group-name {logGroupRef} --output json > {variant.Name}.json", Output("ExportLogsCommand"));
        }
        Assert.Equal("coldstart compare lazy=lazy.json prewarmed=prewarmed.json snapstart=snapstart.json --architecture arm64 " +
            "--kind lazy=on-demand --kind prewarmed=provisioned --kind snapstart=snapstart --provisioned-concurrency prewarmed=1",
            outputs.Single(o => o.Key.StartsWith("ComparisonCompareCommand", StringComparison.Ordinal)).Value);
        Assert.Equal(outputs.Single(o => o.Key.StartsWith("ComparisonCompareCommand", StringComparison.Ordinal)).Value, comparison.CompareCommand);
    }

    [Fact]
    public void The_compare_command_passes_what_the_logs_cannot_tell_the_cli()
    {
        var (_, comparison) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants(p =>
        {
            p.Function.Architecture = Architecture.X86_64;
            p.Variants = [ComparisonVariant.Lazy(), ComparisonVariant.PreWarmed(preWarming: new PreWarmingOptions { ProvisionedConcurrency = 3 })];
            p.Pricing = new LambdaPricing { OnDemandGbSecond = 0.00002, RequestsPerMillion = 0.25, Arm64OnDemandGbSecond = 0.000015, RestorePerGb = 0.0002 };
        }));

        // The arm64 price is not passed for an x86_64 comparison (the CLI would refuse it as unused).
        Assert.Equal(
            "coldstart compare lazy=lazy.json prewarmed=prewarmed.json --kind lazy=on-demand --kind prewarmed=provisioned --provisioned-concurrency prewarmed=3 " +
            "--on-demand-price 0.00002 --request-price 0.25 --restore-price 0.0002",
            comparison.CompareCommand);
    }

    [Fact]
    public void The_compare_command_carries_each_prewarmed_variant_s_own_provisioned_concurrency()
    {
        var (_, comparison) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants(p =>
        {
            p.Variants =
            [
                ComparisonVariant.PreWarmed("app.eager_handler", new PreWarmingOptions { ProvisionedConcurrency = 2 }, "small"),
                ComparisonVariant.PreWarmed("app.eager_handler", new PreWarmingOptions { ProvisionedConcurrency = 8, MinCapacity = 5, MaxCapacity = 20 }, "big"),
            ];
            p.Pricing = new LambdaPricing { Arm64ProvisionedGbSecond = 0.000003, OnDemandGbSecond = 0.00002 };
        }));

        // With autoscaling the minimum is what is always provisioned.
        Assert.Equal(
            "coldstart compare small=small.json big=big.json --architecture arm64 --kind small=provisioned --kind big=provisioned " +
            "--provisioned-concurrency small=2 --provisioned-concurrency big=5 --arm64-provisioned-price 0.000003",
            comparison.CompareCommand);
    }

    [Fact]
    public void Profiling_off_in_the_stage_leaves_plain_functions()
    {
        var (stack, _) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants(), new Dictionary<string, object> { [ColdStartContext.Profiling] = false });

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::LayerVersion", 0);
        foreach (var function in template.FindResources("AWS::Lambda::Function").Values)
        {
            var properties = (IDictionary<string, object>)function["Properties"];
            Assert.False(properties.ContainsKey("Layers"));
            var variables = (IDictionary<string, object>)((IDictionary<string, object>)properties["Environment"])["Variables"];
            Assert.Equal(["TABLE"], variables.Keys);
        }
    }

    [Fact]
    public void A_new_run_id_publishes_new_versions_of_every_variant()
    {
        static string[] VersionIds(string runId)
        {
            var (stack, _) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants(p => p.RunId = runId));
            var template = Template.FromStack(stack);
            template.AllResourcesProperties("AWS::Lambda::Function", new Dictionary<string, object>
            {
                ["Environment"] = new Dictionary<string, object> { ["Variables"] = Match.ObjectLike(new Dictionary<string, object> { [ColdStartComparison.RunIdVariable] = runId }) },
            });
            return [.. template.FindResources("AWS::Lambda::Version").Keys.Order()];
        }

        var first = VersionIds("1");
        var second = VersionIds("2");

        Assert.Equal(3, first.Length);
        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public void The_run_id_can_come_from_context()
    {
        var (stack, _) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants(), new Dictionary<string, object> { [ColdStartComparison.RunContextKey] = 7 });

        Template.FromStack(stack).AllResourcesProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Environment"] = new Dictionary<string, object> { ["Variables"] = Match.ObjectLike(new Dictionary<string, object> { [ColdStartComparison.RunIdVariable] = "7" }) },
        });
    }

    [Fact]
    public void The_dashboard_can_be_left_out()
    {
        var (stack, comparison) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants(p => p.Dashboard = false));

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::CloudWatch::Dashboard", 0);
        template.ResourceCountIs("AWS::Logs::QueryDefinition", 0);
        Assert.Null(comparison.Dashboard);
    }

    [Fact]
    public void The_dashboard_has_one_column_per_variant_and_queries_scoped_to_their_log_groups()
    {
        var (stack, comparison) = ComparisonStacks.Build(ComparisonStacks.ThreeVariants(p => p.DashboardName = "orders-comparison"));

        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::CloudWatch::Dashboard", new Dictionary<string, object> { ["DashboardName"] = "orders-comparison" });
        var logGroups = comparison.Variants.Select(v => (object)new Dictionary<string, object> { ["Ref"] = DashboardBody.LogicalId(v.LogGroup) }).ToArray();
        template.ResourceCountIs("AWS::Logs::QueryDefinition", 4);
        template.AllResourcesProperties("AWS::Logs::QueryDefinition", new Dictionary<string, object> { ["LogGroupNames"] = logGroups });
        Assert.NotNull(comparison.Dashboard);
        Assert.Equal(["lazy", "prewarmed", "snapstart"], DashboardBody.Widgets(DashboardBody.Of(template))
            .Select(DashboardBody.Title).Where(t => t.EndsWith(" · Invocations, errors, throttles", StringComparison.Ordinal))
            .Select(t => t.Split(' ')[0]));
    }
}
