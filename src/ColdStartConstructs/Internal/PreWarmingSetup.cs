using Amazon.CDK;
using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace ColdStart.Constructs.Internal;

/// <summary>
/// Provisioned concurrency on an alias of the current version, and its Application Auto Scaling target
/// (namespace <c>lambda</c>, dimension <c>lambda:function:ProvisionedConcurrency</c>, resource
/// <c>function:&lt;name&gt;:&lt;alias&gt;</c>). The target is built here rather than through
/// <c>Alias.AddAutoScaling</c> so that users get the <see cref="ScalableTarget"/> itself.
/// </summary>
internal sealed record PreWarmingSetup(IVersion Version, Alias Alias, ScalableTarget? ScalableTarget)
{
    /// <summary>Autoscaling is on as soon as any of its bounds or schedules is given.</summary>
    public static bool UsesAutoScaling(PreWarmingOptions options) =>
        options.MinCapacity is not null || options.MaxCapacity is not null || options.Schedules is { Length: > 0 };

    public static PreWarmingSetup Apply(Construct owner, Function function, PreWarmingOptions options)
    {
        var version = function.CurrentVersion;
        var alias = new Alias(owner, "Alias", new AliasProps
        {
            AliasName = options.AliasName ?? ImportTimeProfiledFunction.DefaultAliasName,
            Version = version,
            ProvisionedConcurrentExecutions = options.ProvisionedConcurrency,
        });

        if (!UsesAutoScaling(options))
        {
            return new PreWarmingSetup(version, alias, null);
        }

        var target = new ScalableTarget(owner, "ScalableTarget", new ScalableTargetProps
        {
            ServiceNamespace = ServiceNamespace.LAMBDA,
            ScalableDimension = "lambda:function:ProvisionedConcurrency",
            ResourceId = $"function:{function.FunctionName}:{alias.AliasName}",
            MinCapacity = options.MinCapacity ?? options.ProvisionedConcurrency,
            MaxCapacity = options.MaxCapacity!.Value,
            // Application Auto Scaling acts through its service-linked role; a role of our own would be unused.
            Role = Role.FromRoleArn(owner, "ScalingRole", Stack.Of(owner).FormatArn(new ArnComponents
            {
                Service = "iam",
                Region = "",
                Resource = "role/aws-service-role/lambda.application-autoscaling.amazonaws.com",
                ResourceName = "AWSServiceRoleForApplicationAutoScaling_LambdaConcurrency",
            })),
        });
        // The alias (and its provisioned concurrency) must exist before it can be registered as a target.
        target.Node.AddDependency(alias);
        target.ScaleToTrackMetric("Utilization", new BasicTargetTrackingScalingPolicyProps
        {
            TargetValue = options.TargetUtilization ?? ImportTimeProfiledFunction.DefaultTargetUtilization,
            PredefinedMetric = PredefinedMetric.LAMBDA_PROVISIONED_CONCURRENCY_UTILIZATION,
        });
        foreach (var schedule in options.Schedules ?? [])
        {
            target.ScaleOnSchedule(schedule.Name, new ScalingSchedule
            {
                Schedule = schedule.Schedule,
                MinCapacity = schedule.MinCapacity,
                MaxCapacity = schedule.MaxCapacity,
            });
        }
        return new PreWarmingSetup(version, alias, target);
    }
}
