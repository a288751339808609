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
        Assert.DoesNotContain("(Parameter", error.Message);
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
        Assert.Contains("an OS-only runtime (provided, provided.al2, provided.al2023) runs no wrapper script", message);
        Assert.Contains($"Found: {name}.", message);
    }

    [Fact]
    public void Container_image_needs_the_environment_variable_mode()
    {
        var stack = Cdk.NewStack();
        var repository = Repository.FromRepositoryName(stack, "Repo", "svc");

        var error = Assert.Throws<ColdStartConfigurationException>(() => new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
        {
            p.Code = Code.FromEcrImage(repository);
            p.Handler = null!;
        })));

        Assert.Contains("`ImportTimeProfiling.Mode` must be ProfilingMode.EnvironmentVariable for a container-image function: Lambda attaches no layers to images", error.Message);
        Assert.Contains("AWS's Python base images do honour AWS_LAMBDA_EXEC_WRAPPER", error.Message);
        Assert.Contains("Found: Wrapper (the default).", error.Message);
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

    [Fact]
    public void Missing_handler_is_named_before_jsii_sees_it()
    {
        var message = ErrorFor(p => p.Handler = null!);
        Assert.Contains("`Handler` is required", message);
        Assert.Contains("Found: (not set).", message);
    }

    [Fact]
    public void Missing_code_is_named_before_jsii_sees_it()
    {
        var message = ErrorFor(p => p.Code = null!);
        Assert.Contains("`Code` is required", message);
    }

    [Fact]
    public void Image_code_with_a_python_runtime()
    {
        var stack = Cdk.NewStack();
        var repository = Repository.FromRepositoryName(stack, "Repo", "svc");

        var error = Assert.Throws<ColdStartConfigurationException>(() => new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
        {
            p.Code = Code.FromEcrImage(repository);
            p.Runtime = Runtime.PYTHON_3_12;
        })));

        Assert.Contains("`Runtime` must be Runtime.FROM_IMAGE (or left unset) when `Code` is a container image", error.Message);
        Assert.Contains("Found: python3.12.", error.Message);
    }

    [Fact]
    public void Image_code_with_a_zip_handler()
    {
        var stack = Cdk.NewStack();
        var repository = Repository.FromRepositoryName(stack, "Repo", "svc");

        var error = Assert.Throws<ColdStartConfigurationException>(() => new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
        {
            p.Code = Code.FromEcrImage(repository);
            p.ImportTimeProfiling = new() { Mode = ProfilingMode.EnvironmentVariable };
        })));

        Assert.Contains("`Handler` must be Handler.FROM_IMAGE (or left unset) for a container image", error.Message);
        Assert.Contains("Found: \"app.handler\".", error.Message);
    }

    [Fact]
    public void From_image_runtime_with_zip_code()
    {
        var message = ErrorFor(p => p.Runtime = Runtime.FROM_IMAGE);
        Assert.Contains("`Code` must be a container image", message);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Non_finite_provisioned_concurrency(double value, string shown)
    {
        var message = ErrorFor(p => p.PreWarming = new() { ProvisionedConcurrency = value });
        Assert.Contains($"`PreWarming.ProvisionedConcurrency` must be a whole number of at least 1. Found: {shown}.", message);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Non_finite_max_capacity(double value, string shown)
    {
        var message = ErrorFor(p => p.PreWarming = new() { ProvisionedConcurrency = 1, MaxCapacity = value });
        Assert.Contains($"`PreWarming.MaxCapacity` must be a whole number of at least 1. Found: {shown}.", message);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Non_finite_target_utilisation(double value, string shown)
    {
        var message = ErrorFor(p => p.PreWarming = new() { ProvisionedConcurrency = 1, MaxCapacity = 3, TargetUtilization = value });
        Assert.Contains($"`PreWarming.TargetUtilization` must be between 0.1 and 0.9. Found: {shown}.", message);
    }

    [Theory]
    [InlineData(-1.0, null, "MinCapacity", "-1")]
    [InlineData(2.5, null, "MinCapacity", "2.5")]
    [InlineData(double.NaN, null, "MinCapacity", "NaN")]
    [InlineData(null, -3.0, "MaxCapacity", "-3")]
    [InlineData(null, 0.5, "MaxCapacity", "0.5")]
    [InlineData(null, double.PositiveInfinity, "MaxCapacity", "Infinity")]
    public void Schedule_capacity_not_a_whole_number_of_at_least_zero(double? min, double? max, string property, string shown)
    {
        var message = ErrorFor(p => p.PreWarming = new()
        {
            ProvisionedConcurrency = 1, MaxCapacity = 10,
            Schedules = [new() { Name = "Morning", Schedule = Amazon.CDK.AWS.ApplicationAutoScaling.Schedule.Expression("rate(1 day)"), MinCapacity = min, MaxCapacity = max }],
        });
        Assert.Contains($"`PreWarming.Schedules[0].{property}` (schedule \"Morning\") must be a whole number of at least 0. Found: {shown}.", message);
    }

    [Fact]
    public void Schedule_of_zero_is_allowed()
    {
        var stack = Cdk.NewStack();
        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.PreWarming = new()
        {
            ProvisionedConcurrency = 1, MaxCapacity = 10,
            Schedules = [new() { Name = "Night", Schedule = Amazon.CDK.AWS.ApplicationAutoScaling.Schedule.Expression("rate(1 day)"), MinCapacity = 0, MaxCapacity = 0 }],
        }));

        Template.FromStack(stack).HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", new Dictionary<string, object>
        {
            ["ScheduledActions"] = new object[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["ScalableTargetAction"] = new Dictionary<string, object> { ["MinCapacity"] = 0, ["MaxCapacity"] = 0 },
                }),
            },
        });
    }

    [Fact]
    public void Schedule_min_above_its_max_names_the_schedule()
    {
        var message = ErrorFor(p => p.PreWarming = new()
        {
            ProvisionedConcurrency = 1, MaxCapacity = 10,
            Schedules =
            [
                new() { Name = "Fine", Schedule = Amazon.CDK.AWS.ApplicationAutoScaling.Schedule.Expression("rate(1 day)"), MinCapacity = 1 },
                new() { Name = "Evening", Schedule = Amazon.CDK.AWS.ApplicationAutoScaling.Schedule.Expression("rate(1 day)"), MinCapacity = 6, MaxCapacity = 4 },
            ],
        });
        Assert.Contains("`PreWarming.Schedules[1].MinCapacity` (schedule \"Evening\") must not exceed `PreWarming.Schedules[1].MaxCapacity` (4). Found: 6.", message);
    }

    [Fact]
    public void Schedule_min_alone_above_the_target_max()
    {
        var message = ErrorFor(p => p.PreWarming = new()
        {
            ProvisionedConcurrency = 2, MaxCapacity = 20,
            Schedules = [new() { Name = "Peak", Schedule = Amazon.CDK.AWS.ApplicationAutoScaling.Schedule.Expression("rate(1 day)"), MinCapacity = 25 }],
        });
        Assert.Contains("`PreWarming.Schedules[0].MinCapacity` (schedule \"Peak\") must not exceed the scalable target's `PreWarming.MaxCapacity` (20) unless the schedule also sets MaxCapacity", message);
        Assert.Contains("Found: 25.", message);
    }

    [Fact]
    public void Schedule_max_alone_below_the_target_min()
    {
        var message = ErrorFor(p => p.PreWarming = new()
        {
            ProvisionedConcurrency = 2, MinCapacity = 3, MaxCapacity = 20,
            Schedules = [new() { Name = "Quiet", Schedule = Amazon.CDK.AWS.ApplicationAutoScaling.Schedule.Expression("rate(1 day)"), MaxCapacity = 2 }],
        });
        Assert.Contains("`PreWarming.Schedules[0].MaxCapacity` (schedule \"Quiet\") must not be below the scalable target's minimum (3) unless the schedule also sets MinCapacity", message);
        Assert.Contains("Found: 2.", message);
    }

    [Fact]
    public void Schedule_with_both_bounds_may_leave_the_target_range()
    {
        var stack = Cdk.NewStack();
        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.PreWarming = new()
        {
            ProvisionedConcurrency = 2, MaxCapacity = 20,
            Schedules = [new() { Name = "Peak", Schedule = Amazon.CDK.AWS.ApplicationAutoScaling.Schedule.Expression("rate(1 day)"), MinCapacity = 25, MaxCapacity = 40 }],
        }));

        Template.FromStack(stack).ResourceCountIs("AWS::ApplicationAutoScaling::ScalableTarget", 1);
    }

    [Fact]
    public void Schedule_without_a_name()
    {
        var message = ErrorFor(p => p.PreWarming = new()
        {
            ProvisionedConcurrency = 1, MaxCapacity = 3,
            Schedules = [new() { Name = null!, Schedule = Amazon.CDK.AWS.ApplicationAutoScaling.Schedule.Expression("rate(1 day)"), MinCapacity = 1 }],
        });
        Assert.Contains("`PreWarming.Schedules[0].Name` must be 1-64 letters, digits, '-' or '_'. Found: (not set).", message);
    }

    [Fact]
    public void Environment_variable_without_a_value()
    {
        var message = ErrorFor(p => p.Environment = new Dictionary<string, string> { ["TABLE"] = null! });
        Assert.Contains("`Environment[\"TABLE\"]` must have a value", message);
        Assert.Contains("Found: (not set).", message);
    }

    [Theory]
    [InlineData("1TABLE")]
    [InlineData("T")]
    [InlineData("TABLE-NAME")]
    [InlineData("")]
    public void Environment_variable_name_that_lambda_refuses(string name)
    {
        var message = ErrorFor(p => p.Environment = new Dictionary<string, string> { [name] = "x" });
        Assert.Contains("`Environment` must only have variable names that start with a letter", message);
        Assert.Contains($"Found: \"{name}\".", message);
    }

    [Fact]
    public void Extra_x_option_given_as_null()
    {
        var message = ErrorFor(p => p.ImportTimeProfiling = new() { ExtraXOptions = [null!] });
        Assert.Contains("`ImportTimeProfiling.ExtraXOptions` not in the allowlist", message);
        Assert.Contains("Found: (not set).", message);
    }

    [Theory]
    [InlineData("tracemalloc", "tracemalloc=5")]
    [InlineData("utf8=0", "utf8=1")]
    public void The_same_x_option_twice_with_different_values(string first, string second)
    {
        var message = ErrorFor(p => p.ImportTimeProfiling = new() { ExtraXOptions = [first, second] });
        Assert.Contains($"`ImportTimeProfiling.ExtraXOptions` must give each option once: -X {first} is also there", message);
        Assert.Contains($"Found: \"{second}\".", message);
    }

    [Fact]
    public void Mode_that_is_not_a_mode()
    {
        var message = ErrorFor(p => p.ImportTimeProfiling = new() { Mode = (ProfilingMode)7 });
        Assert.Contains("`ImportTimeProfiling.Mode` must be ProfilingMode.Wrapper or ProfilingMode.EnvironmentVariable. Found: 7.", message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3)]
    public void Import_time_level_other_than_1_or_2(int level)
    {
        var message = ErrorFor(p => p.ImportTimeProfiling = new() { ImportTimeLevel = level });
        Assert.Contains($"`ImportTimeProfiling.ImportTimeLevel` must be 1 or 2. Found: {level}.", message);
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
