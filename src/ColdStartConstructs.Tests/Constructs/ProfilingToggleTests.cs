using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.Assertions;
using ColdStart.Constructs.Tests.Support;
using Constructs;
using Xunit;
using Match = Amazon.CDK.Assertions.Match;
using CdkAnnotations = Amazon.CDK.Assertions.Annotations;

namespace ColdStart.Constructs.Tests.Constructs;

public class ProfilingToggleTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(ProfilingMode.Wrapper)]
    [InlineData(ProfilingMode.EnvironmentVariable)]
    public void Profiling_off_by_prop_gives_exactly_the_template_of_a_plain_function(ProfilingMode? mode)
    {
        var profiledStack = Cdk.NewStack();
        new ImportTimeProfiledFunction(profiledStack, "Api", Cdk.Props(p =>
        {
            p.MemorySize = 512;
            p.ImportTimeProfiling = new() { Enabled = false, Mode = mode };
        }));

        var plainStack = Cdk.NewStack();
        new Function(new Construct(plainStack, "Api"), "Function", new FunctionProps
        {
            Code = Cdk.HandlerCode(),
            Handler = "app.handler",
            Runtime = PythonRuntimes.Python313,
            MemorySize = 512,
        });

        Assert.Equal(
            Snapshot.Scrub(Template.FromStack(plainStack).ToJSON()),
            Snapshot.Scrub(Template.FromStack(profiledStack).ToJSON()));
        Assert.DoesNotContain("importtime", Snapshot.Scrub(Template.FromStack(profiledStack).ToJSON()), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Profiling_off_for_a_container_image_gives_exactly_the_template_of_a_plain_function()
    {
        static Code Image(Stack stack) => Code.FromEcrImage(Repository.FromRepositoryName(stack, "Repo", "orders"));

        var profiledStack = Cdk.NewStack();
        new ImportTimeProfiledFunction(profiledStack, "Api", new ImportTimeProfiledFunctionProps
        {
            Code = Image(profiledStack),
            ImportTimeProfiling = new() { Enabled = false, Mode = ProfilingMode.EnvironmentVariable },
        });

        var plainStack = Cdk.NewStack();
        new Function(new Construct(plainStack, "Api"), "Function", new FunctionProps
        {
            Code = Image(plainStack),
            Handler = Handler.FROM_IMAGE,
            Runtime = Runtime.FROM_IMAGE,
        });

        Assert.Equal(
            Snapshot.Scrub(Template.FromStack(plainStack).ToJSON()),
            Snapshot.Scrub(Template.FromStack(profiledStack).ToJSON()));
        Assert.DoesNotContain("importtime", Snapshot.Scrub(Template.FromStack(profiledStack).ToJSON()), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Profiling_off_by_context_in_environment_variable_mode_adds_nothing()
    {
        var stack = Cdk.NewStack(new Dictionary<string, object> { [ColdStartContext.Profiling] = false });

        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.ImportTimeProfiling = new() { Mode = ProfilingMode.EnvironmentVariable }));

        Assert.False(fn.ProfilingEnabled);
        Assert.Null(fn.Mode);
        Assert.Empty(fn.XOptions);
        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object> { ["Environment"] = Match.Absent() });
    }

    [Theory]
    [InlineData(false)]
    [InlineData("false")]
    [InlineData("FALSE")]
    public void Context_false_at_the_app_turns_profiling_off(object value)
    {
        var stack = Cdk.NewStack(new Dictionary<string, object> { [ColdStartContext.Profiling] = value });

        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props());

        Assert.False(fn.ProfilingEnabled);
        Assert.Null(fn.Layer);
        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::LayerVersion", 0);
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Environment"] = Match.Absent(),
            ["Layers"] = Match.Absent(),
        });
    }

    [Fact]
    public void Context_per_stage_gives_dev_the_wrapper_and_prod_none()
    {
        var app = Cdk.NewApp();
        var dev = new Stage(app, "Dev");
        var prod = new Stage(app, "Prod");
        prod.Node.SetContext(ColdStartContext.Profiling, false);

        var devStack = new Stack(dev, "Service");
        var prodStack = new Stack(prod, "Service");
        new ImportTimeProfiledFunction(devStack, "Api", Cdk.Props());
        new ImportTimeProfiledFunction(prodStack, "Api", Cdk.Props());

        Template.FromStack(devStack).HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = new Dictionary<string, object> { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/importtime_wrapper" },
            },
        });
        Template.FromStack(prodStack).ResourceCountIs("AWS::Lambda::LayerVersion", 0);
        Template.FromStack(prodStack).HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Environment"] = Match.Absent(),
        });
    }

    [Fact]
    public void The_prop_wins_over_context()
    {
        var stack = Cdk.NewStack(new Dictionary<string, object> { [ColdStartContext.Profiling] = "false" });

        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.ImportTimeProfiling = new() { Enabled = true }));

        Assert.True(fn.ProfilingEnabled);
        Template.FromStack(stack).ResourceCountIs("AWS::Lambda::LayerVersion", 1);
    }

    [Fact]
    public void A_context_value_that_is_not_a_boolean_fails_naming_the_key_and_value()
    {
        var stack = Cdk.NewStack(new Dictionary<string, object> { [ColdStartContext.Profiling] = "sometimes" });

        var error = Assert.Throws<ColdStartConfigurationException>(() => new ImportTimeProfiledFunction(stack, "Api", Cdk.Props()));

        Assert.Contains("`context coldstart:profiling` must be true or false", error.Message);
        Assert.Contains("\"sometimes\"", error.Message);
    }

    [Fact]
    public void Profiling_in_a_production_stage_is_a_warning()
    {
        var app = Cdk.NewApp();
        var prod = new Stage(app, "Prod");
        prod.Node.SetContext(ColdStartContext.Production, true);
        var stack = new Stack(prod, "Service");

        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props());

        CdkAnnotations.FromStack(stack).HasWarning("/Prod/Service/Api", Match.StringLikeRegexp("profiling is on in a stage marked as production"));
    }

    [Fact]
    public void Production_without_profiling_has_no_warning()
    {
        var stack = Cdk.NewStack(new Dictionary<string, object>
        {
            [ColdStartContext.Production] = true,
            [ColdStartContext.Profiling] = false,
        });

        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props());

        CdkAnnotations.FromStack(stack).HasNoWarning("*", Match.AnyValue());
    }
}
