using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.Assertions;
using ColdStart.Constructs.Tests.Support;
using Xunit;
using Match = Amazon.CDK.Assertions.Match;
using CdkAnnotations = Amazon.CDK.Assertions.Annotations;

namespace ColdStart.Constructs.Tests.Constructs;

/// <summary>Every configuration that cannot work fails at synth, naming the property and the value.</summary>
public class ValidationTests
{
    private static string ErrorFor(Action<ImportTimeProfiledFunctionProps> configure)
    {
        var stack = Cdk.NewStack();
        var error = Assert.Throws<ColdStartConfigurationException>(() => new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(configure)));
        Assert.StartsWith("Test/Api: `", error.Message);
        return error.Message;
    }

    [Fact]
    public void Non_python_runtime()
    {
        var message = ErrorFor(p => p.Runtime = Runtime.NODEJS_20_X);
        Assert.Contains("`Runtime` must be a Python runtime", message);
        Assert.Contains("Found: nodejs20.x.", message);
    }

    [Theory]
    [InlineData("provided")]
    [InlineData("provided.al2")]
    [InlineData("provided.al2023")]
    public void Os_only_runtime(string name)
    {
        var message = ErrorFor(p => p.Runtime = new Runtime(name, RuntimeFamily.OTHER));
        Assert.Contains("OS-only runtimes", message);
        Assert.Contains($"Found: {name}.", message);
    }

    [Fact]
    public void Container_image()
    {
        var stack = Cdk.NewStack();
        var repository = Repository.FromRepositoryName(stack, "Repo", "svc");

        var error = Assert.Throws<ColdStartConfigurationException>(() => new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
        {
            p.Code = Code.FromEcrImage(repository);
            p.Handler = Handler.FROM_IMAGE;
            p.Runtime = Runtime.FROM_IMAGE;
        })));

        Assert.Contains("`Runtime` must be a managed Python runtime: container images ignore AWS_LAMBDA_EXEC_WRAPPER", error.Message);
        Assert.Contains("Found: FROM_IMAGE.", error.Message);
    }

    [Fact]
    public void Python_older_than_3_8()
    {
        var message = ErrorFor(p => p.Runtime = new Runtime("python3.7", RuntimeFamily.PYTHON));
        Assert.Contains("`Runtime` must be python3.8 or newer. Found: python3.7.", message);
    }

    [Theory]
    [InlineData("handler")]
    [InlineData("app.")]
    [InlineData("app-handler.main")]
    [InlineData("app.handler()")]
    [InlineData("index.js:handler")]
    public void Handler_not_module_dot_function(string handler)
    {
        var message = ErrorFor(p => p.Handler = handler);
        Assert.Contains("`Handler` must name a Python function as module.function", message);
        Assert.Contains($"Found: \"{handler}\".", message);
    }

    [Theory]
    [InlineData("app.handler")]
    [InlineData("pkg.sub.app.handler")]
    [InlineData("src/app.handler")]
    public void Handlers_that_lambda_accepts(string handler)
    {
        var stack = Cdk.NewStack();
        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.Handler = handler));
        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object> { ["Handler"] = handler });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1.5)]
    public void Provisioned_concurrency_below_one_or_fractional(double value)
    {
        var message = ErrorFor(p => p.PreWarming = new() { ProvisionedConcurrency = value });
        Assert.Contains("`PreWarming.ProvisionedConcurrency` must be a whole number of at least 1.", message);
        Assert.Contains($"Found: {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", message);
    }

    [Fact]
    public void Min_above_max()
    {
        var message = ErrorFor(p => p.PreWarming = new() { ProvisionedConcurrency = 2, MinCapacity = 8, MaxCapacity = 4 });
        Assert.Contains("`PreWarming.MinCapacity` must not exceed `PreWarming.MaxCapacity` (4). Found: 8.", message);
    }

    [Fact]
    public void Default_min_above_max()
    {
        var message = ErrorFor(p => p.PreWarming = new() { ProvisionedConcurrency = 5, MaxCapacity = 4 });
        Assert.Contains("(the default MinCapacity)` must not exceed `PreWarming.MaxCapacity` (4). Found: 5.", message);
    }

    [Theory]
    [InlineData(0.95)]
    [InlineData(0.05)]
    public void Target_utilisation_outside_the_allowed_range(double target)
    {
        var message = ErrorFor(p => p.PreWarming = new() { ProvisionedConcurrency = 1, MaxCapacity = 3, TargetUtilization = target });
        Assert.Contains($"`PreWarming.TargetUtilization` must be between 0.1 and 0.9. Found: {target.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", message);
    }

    [Fact]
    public void Schedule_without_min_or_max()
    {
        var message = ErrorFor(p => p.PreWarming = new()
        {
            ProvisionedConcurrency = 1, MaxCapacity = 3,
            Schedules = [new() { Name = "Morning", Schedule = Amazon.CDK.AWS.ApplicationAutoScaling.Schedule.Expression("rate(1 day)") }],
        });
        Assert.Contains("`PreWarming.Schedules[0]` must set MinCapacity, MaxCapacity or both.", message);
        Assert.Contains("\"Morning\"", message);
    }

    [Fact]
    public void Autoscaling_without_max()
    {
        var message = ErrorFor(p => p.PreWarming = new() { ProvisionedConcurrency = 1, MinCapacity = 1 });
        Assert.Contains("`PreWarming.MaxCapacity` is required when autoscaling is on", message);
    }

    [Fact]
    public void Alias_on_latest()
    {
        var message = ErrorFor(p => p.PreWarming = new() { ProvisionedConcurrency = 1, AliasName = "$LATEST" });
        Assert.Contains("`PreWarming.AliasName` cannot be $LATEST", message);
    }

    [Theory]
    [InlineData("importtime=2", "importtime")]
    [InlineData("showalloccount", "allowlist")]
    [InlineData("tracemalloc=abc", "tracemalloc")]
    [InlineData("dev; rm -rf /", "allowlist")]
    public void Unknown_or_unsafe_x_option(string option, string expected)
    {
        var message = ErrorFor(p => p.ImportTimeProfiling = new() { ExtraXOptions = [option] });
        Assert.Contains("`ImportTimeProfiling.ExtraXOptions`", message);
        Assert.Contains($"Found: \"{option}\".", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public void Import_time_level_2_needs_python_3_14()
    {
        var message = ErrorFor(p => p.ImportTimeProfiling = new() { ImportTimeLevel = 2 });
        Assert.Contains("`ImportTimeProfiling.ImportTimeLevel`", message);
        Assert.Contains("3.14", message);

        var stack = Cdk.NewStack();
        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
        {
            p.Runtime = PythonRuntimes.Python314;
            p.ImportTimeProfiling = new() { ImportTimeLevel = 2 };
        }));
        Assert.Equal(new[] { "importtime=2" }, fn.XOptions);
    }

    [Theory]
    [InlineData("AWS_REGION")]
    [InlineData("AWS_LAMBDA_INITIALIZATION_TYPE")]
    [InlineData("_HANDLER")]
    [InlineData("COLDSTART_CHAINED_WRAPPER")]
    public void Reserved_environment_variable(string name)
    {
        var message = ErrorFor(p => p.Environment = new Dictionary<string, string> { [name] = "x" });
        Assert.Contains($"`Environment[\"{name}\"]`", message);
        Assert.Contains("reserved", message);
    }

    [Fact]
    public void An_existing_wrapper_must_be_an_absolute_path()
    {
        var message = ErrorFor(p => p.Environment = new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = "otel-instrument" });
        Assert.Contains("`Environment[\"AWS_LAMBDA_EXEC_WRAPPER\"]` must be an absolute path", message);
        Assert.Contains("Found: \"otel-instrument\".", message);
    }

    [Fact]
    public void Unresolved_tokens_are_not_checked()
    {
        var stack = Cdk.NewStack();
        var handler = new CfnParameter(stack, "Handler", new CfnParameterProps { Type = "String" });
        var max = new CfnParameter(stack, "Max", new CfnParameterProps { Type = "Number" });
        var target = new CfnParameter(stack, "Target", new CfnParameterProps { Type = "Number" });

        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
        {
            p.Handler = handler.ValueAsString;
            p.PreWarming = new() { ProvisionedConcurrency = 1, MaxCapacity = max.ValueAsNumber, TargetUtilization = target.ValueAsNumber };
        }));

        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Handler"] = new Dictionary<string, object> { ["Ref"] = "Handler" },
        });
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", new Dictionary<string, object>
        {
            ["MaxCapacity"] = new Dictionary<string, object> { ["Ref"] = "Max" },
        });
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", new Dictionary<string, object>
        {
            ["TargetTrackingScalingPolicyConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["TargetValue"] = new Dictionary<string, object> { ["Ref"] = "Target" },
            }),
        });
    }

    [Theory]
    [InlineData("python3.8", "2024-10-14")]
    [InlineData("python3.9", "2025-12-15")]
    [InlineData("python3.10", "2026-10-31")]
    public void Deprecated_runtimes_get_a_warning_with_the_date(string runtime, string date)
    {
        var stack = Cdk.NewStack();
        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.Runtime = new Runtime(runtime, RuntimeFamily.PYTHON)));

        CdkAnnotations.FromStack(stack).HasWarning("/Test/Api", Match.StringLikeRegexp($"{runtime.Replace(".", "\\.")} was deprecated by Lambda on {date}"));
    }

    [Fact]
    public void Supported_runtime_has_no_warning()
    {
        var stack = Cdk.NewStack();
        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props());

        CdkAnnotations.FromStack(stack).HasNoWarning("*", Match.AnyValue());
    }
}
