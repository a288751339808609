using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.Assertions;
using ColdStart.Constructs.Tests.Support;
using Constructs;
using Xunit;
using Match = Amazon.CDK.Assertions.Match;
using CdkAnnotations = Amazon.CDK.Assertions.Annotations;

namespace ColdStart.Constructs.Tests.Constructs;

public class ImportTimeProfilingAspectTests
{
    /// <summary>Stands in for a third-party construct that makes its own Python function.</summary>
    private sealed class ThirdPartyService : Construct
    {
        public ThirdPartyService(Construct scope, string id, Runtime runtime, Dictionary<string, string>? environment = null) : base(scope, id)
        {
            _ = new Function(this, "Worker", new FunctionProps
            {
                Code = Cdk.HandlerCode(), Handler = "app.handler", Runtime = runtime, Environment = environment,
            });
        }
    }

    private static readonly Dictionary<string, object> WrapperVariable = new()
    {
        ["Variables"] = Match.ObjectLike(new Dictionary<string, object> { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/importtime_wrapper" }),
    };

    [Fact]
    public void Profiles_python_functions_made_by_other_constructs()
    {
        var stack = Cdk.NewStack();
        new ThirdPartyService(stack, "Service", Runtime.PYTHON_3_12);

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect());

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::LayerVersion", 1);
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Runtime"] = "python3.12",
            ["Layers"] = new object[] { new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("ColdStartImportTimeWrapperLayer") } },
            ["Environment"] = WrapperVariable,
        });
    }

    [Fact]
    public void Profiles_a_level_one_cfn_function_keeping_its_layers_and_chaining_its_wrapper()
    {
        var stack = Cdk.NewStack();
        new CfnFunction(stack, "Raw", new CfnFunctionProps
        {
            Runtime = "python3.11",
            Handler = "app.handler",
            Role = "arn:aws:iam::123456789012:role/lambda",
            Code = new CfnFunction.CodeProperty { ZipFile = "def handler(e, c): return 1" },
            Layers = ["arn:aws:lambda:us-east-1:123456789012:layer:otel:1"],
            Environment = new CfnFunction.EnvironmentProperty
            {
                Variables = new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/otel-instrument", ["KEEP"] = "me" },
            },
        });

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect());

        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Layers"] = new object[]
            {
                "arn:aws:lambda:us-east-1:123456789012:layer:otel:1",
                new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("ColdStartImportTimeWrapperLayer") },
            },
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = new Dictionary<string, object>
                {
                    ["KEEP"] = "me",
                    ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/importtime_wrapper",
                    ["COLDSTART_CHAINED_WRAPPER"] = "/opt/otel-instrument",
                },
            },
        });
        CdkAnnotations.FromStack(stack).HasInfo("/Test/Raw", Match.StringLikeRegexp("coldstart:chained-wrapper"));
    }

    [Fact]
    public void Chains_the_wrapper_of_a_function_made_by_another_construct()
    {
        var stack = Cdk.NewStack();
        new ThirdPartyService(stack, "Service", Runtime.PYTHON_3_12, new() { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/datadog_wrapper" });

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect());

        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = new Dictionary<string, object>
                {
                    ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/importtime_wrapper",
                    ["COLDSTART_CHAINED_WRAPPER"] = "/opt/datadog_wrapper",
                },
            },
        });
        CdkAnnotations.FromStack(stack).HasInfo("/Test/Service/Worker", Match.StringLikeRegexp("/opt/datadog_wrapper"));
    }

    [Fact]
    public void Running_again_changes_nothing()
    {
        var stack = Cdk.NewStack();
        new ThirdPartyService(stack, "Service", Runtime.PYTHON_3_12);
        Aspects.Of(stack).Add(new ImportTimeProfilingAspect());
        Aspects.Of(stack).Add(new ImportTimeProfilingAspect());

        var first = Snapshot.Scrub(Template.FromStack(stack).ToJSON());
        var second = Snapshot.Scrub(Template.FromStack(stack).ToJSON());

        Assert.Equal(first, second);
        Template.FromStack(stack).ResourceCountIs("AWS::Lambda::LayerVersion", 1);
        var function = Template.FromStack(stack).FindResources("AWS::Lambda::Function").Values.Single();
        var layers = (object[])((IDictionary<string, object>)function["Properties"])["Layers"];
        Assert.Single(layers);
    }

    [Fact]
    public void Leaves_import_time_profiled_functions_as_they_decided()
    {
        var stack = Cdk.NewStack();
        new ImportTimeProfiledFunction(stack, "Off", Cdk.Props(p => p.ImportTimeProfiling = new() { Enabled = false }));
        new ImportTimeProfiledFunction(stack, "On", Cdk.Props());

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect(new ImportTimeProfilingOptions { ExtraXOptions = ["dev"] }));

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::LayerVersion", 1);
        var functions = template.FindResources("AWS::Lambda::Function");
        var off = (IDictionary<string, object>)functions.Single(kv => kv.Key.StartsWith("Off")).Value["Properties"];
        Assert.False(off.ContainsKey("Environment"));
        Assert.False(off.ContainsKey("Layers"));
    }

    [Fact]
    public void Respects_the_context_switch_of_each_stage()
    {
        var app = Cdk.NewApp();
        var prod = new Stage(app, "Prod");
        prod.Node.SetContext(ColdStartContext.Profiling, "false");
        var stack = new Stack(prod, "Service");
        new ThirdPartyService(stack, "Service", Runtime.PYTHON_3_12);

        Aspects.Of(app).Add(new ImportTimeProfilingAspect());

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::LayerVersion", 0);
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object> { ["Environment"] = Match.Absent() });
    }

    [Fact]
    public void Skips_non_python_functions_with_a_warning()
    {
        var stack = Cdk.NewStack();
        new ThirdPartyService(stack, "Node", Runtime.NODEJS_20_X);

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect());

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::LayerVersion", 0);
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object> { ["Environment"] = Match.Absent() });
        CdkAnnotations.FromStack(stack).HasWarning("/Test/Node/Worker", Match.StringLikeRegexp("Not profiled by ColdStart: `Runtime` is nodejs20.x"));
    }

    [Fact]
    public void Fails_on_os_only_runtimes()
    {
        var stack = Cdk.NewStack();
        new ThirdPartyService(stack, "Go", Runtime.PROVIDED_AL2023);

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect());

        CdkAnnotations.FromStack(stack).HasError("/Test/Go/Worker", Match.StringLikeRegexp("`Runtime` is provided.al2023, an OS-only runtime that runs no wrapper script"));
    }

    [Theory]
    [InlineData("AWS_LAMBDA_EXEC_WRAPPER", "otel-instrument", "must be an absolute path")]
    [InlineData("COLDSTART_CHAINED_WRAPPER", "/opt/mine", "is reserved by ColdStart")]
    public void Applies_the_constructs_checks_to_the_functions_variables(string name, string value, string problem)
    {
        var stack = Cdk.NewStack();
        new ThirdPartyService(stack, "Service", Runtime.PYTHON_3_12, new() { [name] = value });

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect());

        CdkAnnotations.FromStack(stack).HasError("/Test/Service/Worker",
            Match.StringLikeRegexp($"^Test/Service/Worker: `Environment\\[\"{name}\"\\]` {problem}.*Found: \"{value}\"\\.$"));
        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::LayerVersion", 0);
        Assert.DoesNotContain("/opt/importtime_wrapper", Snapshot.Scrub(template.ToJSON()));
    }

    [Fact]
    public void Applies_the_constructs_checks_to_a_raw_functions_variables()
    {
        var stack = Cdk.NewStack();
        new CfnFunction(stack, "Raw", new CfnFunctionProps
        {
            Runtime = "python3.11", Handler = "app.handler", Role = "arn:aws:iam::123456789012:role/lambda",
            Code = new CfnFunction.CodeProperty { ZipFile = "def handler(e, c): return 1" },
            Environment = new CfnFunction.EnvironmentProperty
            {
                Variables = new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-1" },
            },
        });

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect());

        CdkAnnotations.FromStack(stack).HasError("/Test/Raw",
            Match.StringLikeRegexp("`Environment\\[\"AWS_REGION\"\\]` is reserved: Lambda sets this variable itself and refuses functions that set it"));
    }

    [Fact]
    public void Two_aspects_with_different_options_on_one_function_fail_with_a_clear_error()
    {
        var app = Cdk.NewApp();
        var stack = new Stack(app, "Test");
        new ThirdPartyService(stack, "Service", Runtime.PYTHON_3_12);

        Aspects.Of(app).Add(new ImportTimeProfilingAspect());
        Aspects.Of(stack).Add(new ImportTimeProfilingAspect(new ImportTimeProfilingOptions { ExtraXOptions = ["dev"] }));

        var annotations = CdkAnnotations.FromStack(stack);
        annotations.HasError("/Test/Service/Worker", Match.StringLikeRegexp(
            "two ImportTimeProfilingAspects with different options reach this function: one profiles it as \"Wrapper: -X importtime\", " +
            "another asks for \"Wrapper: -X importtime -X dev\""));
        Assert.Single(annotations.FindError("/Test/Service/Worker", Match.StringLikeRegexp("two ImportTimeProfilingAspects")));
        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::LayerVersion", new Dictionary<string, object>
        {
            ["Description"] = "ColdStart wrapper: starts Python with -X importtime",
        });
    }

    [Fact]
    public void Two_aspects_one_on_and_one_off_conflict()
    {
        var stack = Cdk.NewStack();
        new ThirdPartyService(stack, "Service", Runtime.PYTHON_3_12);

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect(new ImportTimeProfilingOptions { Enabled = false }));
        Aspects.Of(stack).Add(new ImportTimeProfilingAspect(new ImportTimeProfilingOptions { Mode = ProfilingMode.EnvironmentVariable }));

        CdkAnnotations.FromStack(stack).HasError("/Test/Service/Worker",
            Match.StringLikeRegexp("one profiles it as \"off\", another asks for \"EnvironmentVariable: -X importtime\""));
    }

    [Fact]
    public void Two_aspects_with_the_same_options_in_another_order_agree()
    {
        var stack = Cdk.NewStack();
        new ThirdPartyService(stack, "Service", Runtime.PYTHON_3_12);

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect(new ImportTimeProfilingOptions { ExtraXOptions = ["dev", "utf8"] }));
        Aspects.Of(stack).Add(new ImportTimeProfilingAspect(new ImportTimeProfilingOptions { ExtraXOptions = ["utf8", "dev"], Mode = ProfilingMode.Wrapper }));

        CdkAnnotations.FromStack(stack).HasNoError("*", Match.AnyValue());
        Template.FromStack(stack).ResourceCountIs("AWS::Lambda::LayerVersion", 1);
    }

    [Fact]
    public void Bad_options_fail_synth_with_the_property_named()
    {
        var stack = Cdk.NewStack();
        new ThirdPartyService(stack, "Service", Runtime.PYTHON_3_12);

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect(new ImportTimeProfilingOptions { ImportTimeLevel = 2 }));

        CdkAnnotations.FromStack(stack).HasError("/Test/Service/Worker", Match.StringLikeRegexp("`ImportTimeProfiling.ImportTimeLevel`"));
    }
}
