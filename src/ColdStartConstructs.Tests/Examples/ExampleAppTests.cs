using Amazon.CDK;
using Amazon.CDK.Assertions;
using ColdStart.Constructs.Tests.Support;
using ColdStart.Examples;
using Xunit;
using Match = Amazon.CDK.Assertions.Match;

namespace ColdStart.Constructs.Tests.Examples;

/// <summary>The example app, synthesised the way <c>cdk synth</c> does, with its stacks snapshotted.</summary>
public class ExampleAppTests
{
    private static (Stack Dev, Stack Prod) Synth(IDictionary<string, object>? context = null)
    {
        var app = Cdk.NewApp(context);
        var (dev, prod) = ExampleApp.Build(app);
        return ((Stack)dev.Node.FindChild("Orders"), (Stack)prod.Node.FindChild("Orders"));
    }

    [Fact]
    public void Dev_profiles_both_variants_and_prod_profiles_none()
    {
        var (dev, prod) = Synth();

        var devTemplate = Template.FromStack(dev);
        devTemplate.ResourceCountIs("AWS::Lambda::LayerVersion", 1);
        foreach (var handler in new[] { "app_lazy.handler", "app_eager.handler" })
        {
            devTemplate.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
            {
                ["Handler"] = handler,
                ["Environment"] = new Dictionary<string, object>
                {
                    ["Variables"] = new Dictionary<string, object> { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/importtime_wrapper" },
                },
            });
        }

        var prodTemplate = Template.FromStack(prod);
        prodTemplate.ResourceCountIs("AWS::Lambda::LayerVersion", 0);
        prodTemplate.AllResourcesProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Environment"] = Match.Absent(),
            ["Layers"] = Match.Absent(),
        });
    }

    [Fact]
    public void Prod_pre_warms_the_eager_variant_with_autoscaling_and_schedules()
    {
        var (_, prod) = Synth();

        var template = Template.FromStack(prod);
        template.HasResourceProperties("AWS::Lambda::Alias", new Dictionary<string, object>
        {
            ["Name"] = "live",
            ["ProvisionedConcurrencyConfig"] = new Dictionary<string, object> { ["ProvisionedConcurrentExecutions"] = 2 },
        });
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", new Dictionary<string, object>
        {
            ["MinCapacity"] = 2,
            ["MaxCapacity"] = 20,
            ["ScheduledActions"] = Match.ArrayWith(new object[]
            {
                Match.ObjectLike(new Dictionary<string, object> { ["ScheduledActionName"] = "WeekdayMorning", ["Schedule"] = "cron(30 7 ? * MON-FRI *)" }),
            }),
        });
        template.ResourceCountIs("AWS::ApplicationAutoScaling::ScalingPolicy", 1);
    }

    [Fact]
    public void One_switch_on_the_command_line_turns_dev_profiling_off()
    {
        var (dev, _) = Synth(new Dictionary<string, object> { [ColdStartContext.Profiling] = "false" });

        Template.FromStack(dev).ResourceCountIs("AWS::Lambda::LayerVersion", 0);
    }

    [Fact]
    public void Dev_has_the_strategy_comparison_with_a_dashboard()
    {
        var app = Cdk.NewApp();
        var (dev, _) = ExampleApp.Build(app);

        var template = Template.FromStack((Stack)dev.Node.FindChild("Comparison"));
        template.ResourceCountIs("AWS::CloudWatch::Dashboard", 1);
        template.ResourceCountIs("AWS::Lambda::Alias", 3);
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Handler"] = "app_eager.handler",
            ["SnapStart"] = new Dictionary<string, object> { ["ApplyOn"] = "PublishedVersions" },
        });
        Assert.NotEmpty(template.FindResources("AWS::Logs::QueryDefinition"));
    }

    [Fact]
    public void Every_function_logs_to_its_own_log_group_with_the_stages_retention()
    {
        var app = Cdk.NewApp();
        var (dev, prod) = ExampleApp.Build(app);

        foreach (var (stack, days, functions) in new[]
        {
            ((Stack)dev.Node.FindChild("Orders"), 14, 2),
            ((Stack)prod.Node.FindChild("Orders"), 90, 2),
            ((Stack)dev.Node.FindChild("Comparison"), 14, 3),
        })
        {
            var template = Template.FromStack(stack);
            template.ResourceCountIs("AWS::Logs::LogGroup", functions);
            template.AllResourcesProperties("AWS::Logs::LogGroup", new Dictionary<string, object> { ["RetentionInDays"] = days });
            template.ResourceCountIs("AWS::Lambda::Function", functions);
            template.AllResourcesProperties("AWS::Lambda::Function", new Dictionary<string, object>
            {
                ["LoggingConfig"] = new Dictionary<string, object> { ["LogGroup"] = Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.AnyValue() }) },
            });
        }
    }

    [Fact]
    public void Snapshots_of_both_stages()
    {
        var (dev, prod) = Synth();

        Snapshot.Match("example-dev", Template.FromStack(dev));
        Snapshot.Match("example-prod", Template.FromStack(prod));
        Snapshot.Match("example-dev-comparison", Template.FromStack((Stack)dev.Node.Scope!.Node.FindChild("Comparison")));
    }
}
