using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.Assertions;
using ColdStart.Constructs.Tests.Support;
using Xunit;
using Match = Amazon.CDK.Assertions.Match;

namespace ColdStart.Constructs.Tests.Constructs;

public class PreWarmingTests
{
    [Fact]
    public void Provisioned_concurrency_goes_on_the_live_alias_of_the_current_version()
    {
        var stack = Cdk.NewStack();

        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.PreWarming = new() { ProvisionedConcurrency = 2 }));

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::Version", 1);
        template.HasResourceProperties("AWS::Lambda::Alias", new Dictionary<string, object>
        {
            ["Name"] = "live",
            ["FunctionVersion"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("CurrentVersion"), "Version" } },
            ["ProvisionedConcurrencyConfig"] = new Dictionary<string, object> { ["ProvisionedConcurrentExecutions"] = 2 },
        });
        template.ResourceCountIs("AWS::ApplicationAutoScaling::ScalableTarget", 0);
        Assert.NotNull(fn.Alias);
        Assert.NotNull(fn.Version);
        Assert.Null(fn.ScalableTarget);
    }

    [Fact]
    public void Autoscaling_tracks_utilisation_and_runs_schedules()
    {
        var stack = Cdk.NewStack();

        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.PreWarming = new()
        {
            ProvisionedConcurrency = 2,
            AliasName = "prod",
            MaxCapacity = 10,
            Schedules =
            [
                new() { Name = "WeekdayMorning", Schedule = Schedule.Cron(new CronOptions { Hour = "7", Minute = "0", WeekDay = "MON-FRI" }), MinCapacity = 5 },
                new() { Name = "Night", Schedule = Schedule.Expression("rate(1 day)"), MinCapacity = 1, MaxCapacity = 3 },
            ],
        }));

        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::Lambda::Alias", new Dictionary<string, object> { ["Name"] = "prod" });
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", new Dictionary<string, object>
        {
            ["ServiceNamespace"] = "lambda",
            ["ScalableDimension"] = "lambda:function:ProvisionedConcurrency",
            ["MinCapacity"] = 2,
            ["MaxCapacity"] = 10,
            ["ResourceId"] = new Dictionary<string, object>
            {
                ["Fn::Join"] = new object[] { "", new object[] { "function:", new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("ApiFunction") }, ":prod" } },
            },
            ["ScheduledActions"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["ScheduledActionName"] = "WeekdayMorning",
                    ["Schedule"] = "cron(0 7 ? * MON-FRI *)",
                    ["ScalableTargetAction"] = new Dictionary<string, object> { ["MinCapacity"] = 5 },
                },
                new Dictionary<string, object>
                {
                    ["ScheduledActionName"] = "Night",
                    ["Schedule"] = "rate(1 day)",
                    ["ScalableTargetAction"] = new Dictionary<string, object> { ["MinCapacity"] = 1, ["MaxCapacity"] = 3 },
                },
            },
        });
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", new Dictionary<string, object>
        {
            ["PolicyType"] = "TargetTrackingScaling",
            ["TargetTrackingScalingPolicyConfiguration"] = new Dictionary<string, object>
            {
                ["PredefinedMetricSpecification"] = new Dictionary<string, object> { ["PredefinedMetricType"] = "LambdaProvisionedConcurrencyUtilization" },
                ["TargetValue"] = 0.7,
            },
        });
        template.HasResource("AWS::ApplicationAutoScaling::ScalableTarget", new Dictionary<string, object>
        {
            ["DependsOn"] = Match.ArrayWith(new object[] { Match.StringLikeRegexp("ApiAlias") }),
        });
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", new Dictionary<string, object>
        {
            ["RoleARN"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Fn::Join"] = Match.ArrayWith(new object[]
                {
                    Match.ArrayWith(new object[] { Match.StringLikeRegexp("AWSServiceRoleForApplicationAutoScaling_LambdaConcurrency") }),
                }),
            }),
        });
        template.ResourceCountIs("AWS::IAM::Role", 1);
        Assert.NotNull(fn.ScalableTarget);
    }

    [Fact]
    public void Min_capacity_and_target_can_be_set()
    {
        var stack = Cdk.NewStack();

        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.PreWarming = new()
        {
            ProvisionedConcurrency = 3, MinCapacity = 1, MaxCapacity = 4, TargetUtilization = 0.5,
        }));

        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", new Dictionary<string, object> { ["MinCapacity"] = 1, ["MaxCapacity"] = 4 });
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", new Dictionary<string, object>
        {
            ["TargetTrackingScalingPolicyConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["TargetValue"] = 0.5 }),
        });
    }

    [Fact]
    public void Profiling_and_pre_warming_together_put_the_layer_in_the_published_version()
    {
        var stack = Cdk.NewStack();

        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.PreWarming = new() { ProvisionedConcurrency = 1 }));

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::LayerVersion", 1);
        template.ResourceCountIs("AWS::Lambda::Alias", 1);
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = new Dictionary<string, object> { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/importtime_wrapper" },
            },
        });
    }

    [Fact]
    public void Turning_profiling_off_changes_the_version_so_provisioned_environments_are_replaced()
    {
        static string VersionLogicalId(bool profiling)
        {
            var stack = Cdk.NewStack();
            new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
            {
                p.ImportTimeProfiling = new() { Enabled = profiling };
                p.PreWarming = new() { ProvisionedConcurrency = 1 };
            }));
            return Template.FromStack(stack).FindResources("AWS::Lambda::Version").Keys.Single();
        }

        Assert.NotEqual(VersionLogicalId(true), VersionLogicalId(false));
    }

    [Fact]
    public void Adding_pre_warming_twice_is_an_error()
    {
        var stack = Cdk.NewStack();
        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.PreWarming = new() { ProvisionedConcurrency = 1 }));

        var error = Assert.Throws<ColdStartConfigurationException>(() => fn.AddPreWarming(new PreWarmingOptions { ProvisionedConcurrency = 2 }));

        Assert.Contains("`PreWarming` is already configured", error.Message);
    }
}
