using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.Assertions;
using Amazon.JSII.Runtime.Deputy;
using ColdStart.Constructs.Tests.Support;
using Constructs;
using Xunit;
using Match = Amazon.CDK.Assertions.Match;
using CdkAnnotations = Amazon.CDK.Assertions.Annotations;

namespace ColdStart.Constructs.Tests.Constructs;

/// <summary>
/// A variable ColdStart set, changed after construction (<c>Function.AddEnvironment</c>, as observability helpers do, or
/// an aspect): a wrapper is chained as at construction, anything else fails synth naming both values — profiling is
/// never dropped silently while <c>ProfilingEnabled</c> says true.
/// </summary>
public class LateEnvironmentChangeTests
{
    /// <summary>Stands in for an observability tool's aspect: sets a variable on the functions it visits.</summary>
    private sealed class SetsVariable(string name, string value, Func<IConstruct, Function?> actsOn) : DeputyBase, IAspect
    {
        public void Visit(IConstruct node) => actsOn(node)?.AddEnvironment(name, value);
    }

    private static SetsVariable OnFunctions(string name, string value) => new(name, value, node => node as Function);

    private static Dictionary<string, object> Variables(Dictionary<string, object> variables) => new()
    {
        ["Environment"] = new Dictionary<string, object> { ["Variables"] = variables },
    };

    private static string SynthError(Stack stack)
    {
        var error = Assert.ThrowsAny<Exception>(() => Template.FromStack(stack));
        Assert.Contains("Validation failed", error.Message);
        return error.Message;
    }

    [Fact]
    public void A_wrapper_added_after_construction_is_chained_with_the_same_annotation()
    {
        var stack = Cdk.NewStack();
        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props());

        fn.Function.AddEnvironment("AWS_LAMBDA_EXEC_WRAPPER", "/opt/otel-instrument");

        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", Variables(new()
        {
            ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/importtime_wrapper",
            ["COLDSTART_CHAINED_WRAPPER"] = "/opt/otel-instrument",
        }));
        CdkAnnotations.FromStack(stack).HasInfo("/Test/Api", Match.StringLikeRegexp("coldstart:chained-wrapper.*/opt/otel-instrument"));
        Assert.True(fn.ProfilingEnabled);
    }

    [Fact]
    public void Chaining_after_construction_deploys_exactly_what_chaining_at_construction_does()
    {
        static string Synthesised(bool late)
        {
            var stack = Cdk.NewStack();
            var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
            {
                p.PreWarming = new() { ProvisionedConcurrency = 1 };
                p.Environment = new Dictionary<string, string> { ["TABLE"] = "orders" };
                if (!late)
                {
                    p.Environment["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/datadog_wrapper";
                }
            }));
            if (late)
            {
                fn.Function.AddEnvironment("AWS_LAMBDA_EXEC_WRAPPER", "/opt/datadog_wrapper");
            }
            return Snapshot.Scrub(Template.FromStack(stack).ToJSON());
        }

        var atConstruction = Synthesised(late: false);

        Assert.Equal(atConstruction, Synthesised(late: true));
        Assert.Contains("\"COLDSTART_CHAINED_WRAPPER\": \"/opt/datadog_wrapper\"", atConstruction);
    }

    [Fact]
    public void A_wrapper_replacing_the_one_chained_at_construction_is_chained_instead()
    {
        var stack = Cdk.NewStack();
        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
            p.Environment = new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/otel-instrument" }));

        fn.Function.AddEnvironment("AWS_LAMBDA_EXEC_WRAPPER", "/opt/lumigo_wrapper");

        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", Variables(new()
        {
            ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/importtime_wrapper",
            ["COLDSTART_CHAINED_WRAPPER"] = "/opt/lumigo_wrapper",
        }));
    }

    [Fact]
    public void A_wrapper_set_by_an_enclosing_aspect_is_chained()
    {
        var stack = Cdk.NewStack();
        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props());

        Aspects.Of(stack).Add(OnFunctions("AWS_LAMBDA_EXEC_WRAPPER", "/opt/lumigo_wrapper"));

        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", Variables(new()
        {
            ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/importtime_wrapper",
            ["COLDSTART_CHAINED_WRAPPER"] = "/opt/lumigo_wrapper",
        }));
    }

    [Fact]
    public void A_relative_wrapper_added_after_construction_fails_synth_naming_both_values()
    {
        var stack = Cdk.NewStack();
        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props());

        fn.Function.AddEnvironment("AWS_LAMBDA_EXEC_WRAPPER", "otel-instrument");

        var message = SynthError(stack);
        Assert.Contains("[Test/Api] `Environment[\"AWS_LAMBDA_EXEC_WRAPPER\"]` was changed after ColdStart set up profiling, from \"/opt/importtime_wrapper\" to \"otel-instrument\"", message);
        Assert.Contains("cannot chain to a wrapper that is not an absolute path", message);
        Assert.Contains("Found: \"otel-instrument\".", message);
    }

    [Fact]
    public void The_reserved_chain_variable_added_after_construction_fails_synth()
    {
        var stack = Cdk.NewStack();
        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props());

        fn.Function.AddEnvironment("COLDSTART_CHAINED_WRAPPER", "/opt/mine");

        var message = SynthError(stack);
        Assert.Contains("`Environment[\"COLDSTART_CHAINED_WRAPPER\"]` was changed after ColdStart set up profiling, from (not set) to \"/opt/mine\"", message);
        Assert.Contains("reserved by ColdStart", message);
    }

    [Fact]
    public void The_variable_of_environment_variable_mode_changed_after_construction_fails_synth()
    {
        var stack = Cdk.NewStack();
        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.ImportTimeProfiling = new() { Mode = ProfilingMode.EnvironmentVariable }));

        fn.Function.AddEnvironment("PYTHONPROFILEIMPORTTIME", "0");

        var message = SynthError(stack);
        Assert.Contains("`Environment[\"PYTHONPROFILEIMPORTTIME\"]` was changed after ColdStart set up profiling, from \"1\" to \"0\"", message);
        Assert.Contains("would change or stop silently", message);
    }

    [Fact]
    public void Environment_variable_mode_does_not_mind_a_wrapper_added_later()
    {
        var stack = Cdk.NewStack();
        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.ImportTimeProfiling = new() { Mode = ProfilingMode.EnvironmentVariable }));

        fn.Function.AddEnvironment("AWS_LAMBDA_EXEC_WRAPPER", "/opt/otel-instrument");

        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", Variables(new()
        {
            ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/otel-instrument",
            ["PYTHONPROFILEIMPORTTIME"] = "1",
        }));
    }

    [Fact]
    public void A_change_made_after_every_chance_to_chain_fails_synth()
    {
        var stack = Cdk.NewStack();
        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props());
        new Construct(stack, "Later");

        // Acts when it visits a construct that comes after the function in the tree, so after ColdStart's own aspect.
        Aspects.Of(stack).Add(new SetsVariable("AWS_LAMBDA_EXEC_WRAPPER", "/opt/otel-instrument",
            node => node.Node.Path == "Test/Later" ? fn.Function : null));

        var message = SynthError(stack);
        Assert.Contains("from \"/opt/importtime_wrapper\" to \"/opt/otel-instrument\": ColdStart's wrapper would no longer run, so profiling would stop silently", message);
    }

    [Fact]
    public void Aspect_chains_a_wrapper_that_an_aspect_added_after_it_sets()
    {
        var stack = Cdk.NewStack();
        new Function(stack, "Worker", new FunctionProps { Code = Cdk.HandlerCode(), Handler = "app.handler", Runtime = Runtime.PYTHON_3_12 });

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect());
        Aspects.Of(stack).Add(OnFunctions("AWS_LAMBDA_EXEC_WRAPPER", "/opt/lumigo_wrapper"));

        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", Variables(new()
        {
            ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/importtime_wrapper",
            ["COLDSTART_CHAINED_WRAPPER"] = "/opt/lumigo_wrapper",
        }));
        CdkAnnotations.FromStack(stack).HasInfo("/Test/Worker", Match.StringLikeRegexp("coldstart:chained-wrapper.*/opt/lumigo_wrapper"));
    }

    [Fact]
    public void Aspect_fails_synth_when_a_raw_functions_variable_changes_after_it()
    {
        var stack = Cdk.NewStack();
        var raw = new CfnFunction(stack, "Raw", new CfnFunctionProps
        {
            Runtime = "python3.11", Handler = "app.handler", Role = "arn:aws:iam::123456789012:role/lambda",
            Code = new CfnFunction.CodeProperty { ZipFile = "def handler(e, c): return 1" },
        });
        new Construct(stack, "Later");

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect());
        Aspects.Of(stack).Add(new RawSetsWrapper(raw, "/opt/otel-instrument"));

        var message = SynthError(stack);
        Assert.Contains("[Test/Raw] `Environment[\"AWS_LAMBDA_EXEC_WRAPPER\"]` was changed after ColdStart set up profiling, from (not set) to \"/opt/otel-instrument\"", message);
        Assert.Contains("ColdStart overrides this variable in the template, so the new value would be dropped silently", message);
    }

    private sealed class RawSetsWrapper(CfnFunction raw, string wrapper) : DeputyBase, IAspect
    {
        public void Visit(IConstruct node)
        {
            if (node.Node.Path == "Test/Later")
            {
                raw.Environment = new CfnFunction.EnvironmentProperty
                {
                    Variables = new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = wrapper },
                };
            }
        }
    }
}
