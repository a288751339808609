using Amazon.CDK;
using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.Assertions;
using ColdStart.Constructs.Tests.Support;
using Xunit;

namespace ColdStart.Constructs.Tests.Constructs;

/// <summary>
/// One scrubbed JSON snapshot per scenario (Snapshots/*.json). A difference fails; review it and regenerate with
/// <c>UPDATE_SNAPSHOTS=1 dotnet test ColdStart.sln</c>. <see cref="CfnLintTests"/> lints the same files.
/// </summary>
public class SnapshotTests
{
    [Fact]
    public void Profiled_function()
    {
        var stack = Cdk.NewStack();
        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.MemorySize = 512));
        Snapshot.Match("profiled-function", Template.FromStack(stack));
    }

    [Fact]
    public void Profiling_off()
    {
        var stack = Cdk.NewStack(new Dictionary<string, object> { [ColdStartContext.Profiling] = false });
        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.MemorySize = 512));
        Snapshot.Match("profiling-off", Template.FromStack(stack));
    }

    [Fact]
    public void Pre_warmed_with_autoscaling_and_profiling()
    {
        var stack = Cdk.NewStack();
        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.PreWarming = new()
        {
            ProvisionedConcurrency = 2,
            MaxCapacity = 10,
            Schedules = [new() { Name = "WeekdayMorning", Schedule = Schedule.Cron(new CronOptions { Hour = "7", Minute = "0", WeekDay = "MON-FRI" }), MinCapacity = 5 }],
        }));
        Snapshot.Match("prewarmed-autoscaling", Template.FromStack(stack));
    }

    [Fact]
    public void Chained_wrapper()
    {
        var stack = Cdk.NewStack();
        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
            p.Environment = new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/otel-instrument" }));
        Snapshot.Match("chained-wrapper", Template.FromStack(stack));
    }

    [Fact]
    public void Aspect_over_a_scope()
    {
        var stack = Cdk.NewStack();
        new Function(stack, "Python", new FunctionProps { Code = Cdk.HandlerCode(), Handler = "app.handler", Runtime = Runtime.PYTHON_3_12 });
        new Function(stack, "Node", new FunctionProps { Code = Code.FromInline("exports.handler = async () => 1;"), Handler = "index.handler", Runtime = new Runtime("nodejs22.x", RuntimeFamily.NODEJS, new LambdaRuntimeProps { SupportsInlineCode = true }) });
        new ImportTimeProfiledFunction(stack, "Off", Cdk.Props(p => p.ImportTimeProfiling = new() { Enabled = false }));
        Aspects.Of(stack).Add(new ImportTimeProfilingAspect());
        Snapshot.Match("aspect-scope", Template.FromStack(stack));
    }

    [Fact]
    public void Profiled_function_with_the_environment_variable()
    {
        var stack = Cdk.NewStack();
        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
        {
            p.MemorySize = 512;
            p.ImportTimeProfiling = new() { Mode = ProfilingMode.EnvironmentVariable };
        }));
        Snapshot.Match("profiled-function-environment-variable", Template.FromStack(stack));
    }

    [Fact]
    public void Container_image_function_with_the_environment_variable()
    {
        var stack = Cdk.NewStack();
        new ImportTimeProfiledFunction(stack, "Api", new ImportTimeProfiledFunctionProps
        {
            Code = Code.FromEcrImage(Repository.FromRepositoryName(stack, "Repo", "orders"), new EcrImageCodeProps { TagOrDigest = "v1" }),
            MemorySize = 512,
            ImportTimeProfiling = new() { Mode = ProfilingMode.EnvironmentVariable },
        });
        Snapshot.Match("image-function-environment-variable", Template.FromStack(stack));
    }

    [Fact]
    public void Wrapper_added_after_construction()
    {
        var stack = Cdk.NewStack();
        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.MemorySize = 512));
        fn.Function.AddEnvironment("AWS_LAMBDA_EXEC_WRAPPER", "/opt/otel-instrument");
        Snapshot.Match("late-chained-wrapper", Template.FromStack(stack));
    }

    [Fact]
    public void Aspect_in_environment_variable_mode()
    {
        var stack = Cdk.NewStack();
        new Function(stack, "Python", new FunctionProps { Code = Cdk.HandlerCode(), Handler = "app.handler", Runtime = Runtime.PYTHON_3_12 });
        new CfnFunction(stack, "Raw", new CfnFunctionProps
        {
            Runtime = "python3.12", Handler = "index.handler", Role = "arn:aws:iam::123456789012:role/lambda",
            Code = new CfnFunction.CodeProperty { ZipFile = "def handler(e, c): return 1" },
        });
        Aspects.Of(stack).Add(new ImportTimeProfilingAspect(new ImportTimeProfilingOptions { Mode = ProfilingMode.EnvironmentVariable }));
        Snapshot.Match("aspect-environment-variable", Template.FromStack(stack));
    }

    [Fact]
    public void Aspect_over_container_images_and_a_zip_function()
    {
        var stack = Cdk.NewStack();
        new DockerImageFunction(stack, "FromEcr", new DockerImageFunctionProps
        {
            Code = DockerImageCode.FromEcr(Repository.FromRepositoryName(stack, "Repo", "orders"), new EcrImageCodeProps { TagOrDigest = "v1" }),
        });
        new DockerImageFunction(stack, "FromDockerfile", new DockerImageFunctionProps { Code = DockerImageCode.FromImageAsset(Cdk.ImageDirectory) });
        new CfnFunction(stack, "Raw", new CfnFunctionProps
        {
            PackageType = "Image", Role = "arn:aws:iam::123456789012:role/lambda",
            Code = new CfnFunction.CodeProperty { ImageUri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:v1" },
        });
        new Function(stack, "Zip", new FunctionProps { Code = Cdk.HandlerCode(), Handler = "app.handler", Runtime = Runtime.PYTHON_3_12 });
        Aspects.Of(stack).Add(new ImportTimeProfilingAspect());
        Snapshot.Match("aspect-images", Template.FromStack(stack));
    }
}
