using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.Assertions;
using ColdStart.Constructs.Tests.Support;
using Xunit;
using Match = Amazon.CDK.Assertions.Match;

namespace ColdStart.Constructs.Tests.Constructs;

public class ImportTimeProfiledFunctionTests
{
    [Fact]
    public void Profiled_function_gets_the_wrapper_layer_and_the_exec_wrapper_variable()
    {
        // GIVEN
        var stack = Cdk.NewStack();

        // WHEN
        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props());

        // THEN
        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::LayerVersion", 1);
        template.HasResourceProperties("AWS::Lambda::LayerVersion", new Dictionary<string, object>
        {
            ["CompatibleArchitectures"] = new[] { "x86_64", "arm64" },
            ["CompatibleRuntimes"] = Match.ArrayWith(new object[] { "python3.12", "python3.13" }),
        });
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Runtime"] = "python3.13",
            ["Handler"] = "app.handler",
            ["Layers"] = new object[] { new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("ColdStartImportTimeWrapperLayer") } },
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = new Dictionary<string, object> { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/importtime_wrapper" },
            },
        });
        Assert.True(fn.ProfilingEnabled);
        Assert.NotNull(fn.Layer);
        Assert.Equal(new[] { "importtime" }, fn.XOptions);
        Assert.Null(fn.Alias);
    }

    [Fact]
    public void Every_profiled_function_in_a_stack_shares_one_layer()
    {
        var stack = Cdk.NewStack();

        var a = new ImportTimeProfiledFunction(stack, "A", Cdk.Props());
        var b = new ImportTimeProfiledFunction(stack, "B", Cdk.Props());

        Template.FromStack(stack).ResourceCountIs("AWS::Lambda::LayerVersion", 1);
        Assert.Same(a.Layer, b.Layer);
    }

    [Fact]
    public void Different_x_options_get_their_own_layer()
    {
        var stack = Cdk.NewStack();

        new ImportTimeProfiledFunction(stack, "A", Cdk.Props());
        new ImportTimeProfiledFunction(stack, "B", Cdk.Props(p => p.ImportTimeProfiling = new() { ExtraXOptions = ["dev"] }));

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::LayerVersion", 2);
        template.HasResourceProperties("AWS::Lambda::LayerVersion", new Dictionary<string, object>
        {
            ["Description"] = Match.StringLikeRegexp("-X importtime -X dev"),
        });
    }

    [Fact]
    public void The_same_x_options_in_another_order_share_one_layer()
    {
        var stack = Cdk.NewStack();

        var a = new ImportTimeProfiledFunction(stack, "A", Cdk.Props(p => p.ImportTimeProfiling = new() { ExtraXOptions = ["tracemalloc=5", "dev"] }));
        var b = new ImportTimeProfiledFunction(stack, "B", Cdk.Props(p => p.ImportTimeProfiling = new() { ExtraXOptions = ["dev", " tracemalloc=5", "dev"] }));

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::LayerVersion", 1);
        template.HasResourceProperties("AWS::Lambda::LayerVersion", new Dictionary<string, object>
        {
            ["Description"] = "ColdStart wrapper: starts Python with -X importtime -X dev -X tracemalloc=5",
        });
        Assert.Same(a.Layer, b.Layer);
        Assert.Equal(new[] { "importtime", "dev", "tracemalloc=5" }, a.XOptions);
        Assert.Equal(a.XOptions, b.XOptions);
    }

    [Fact]
    public void The_layer_of_a_set_of_options_is_found_in_any_order()
    {
        var stack = Cdk.NewStack();

        var first = ImportTimeWrapperLayer.Of(stack, ["importtime", "utf8", "dev"]);
        var second = ImportTimeWrapperLayer.Of(stack, ["importtime", "dev", "utf8"]);

        Assert.Same(first, second);
        Assert.Equal(new[] { "importtime", "dev", "utf8" }, first.XOptions);
    }

    [Fact]
    public void Plain_function_options_pass_through()
    {
        var stack = Cdk.NewStack();
        var role = new Role(stack, "Role", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
        var extraLayer = LayerVersion.FromLayerVersionArn(stack, "Extra", "arn:aws:lambda:us-east-1:123456789012:layer:extra:3");

        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
        {
            p.Runtime = Runtime.PYTHON_3_12;
            p.MemorySize = 1024;
            p.Timeout = Duration.Seconds(29);
            p.Architecture = Architecture.ARM_64;
            p.Description = "orders API";
            p.Tracing = Tracing.ACTIVE;
            p.Role = role;
            p.Layers = [extraLayer];
            p.Environment = new Dictionary<string, string> { ["TABLE"] = "orders" };
        }));

        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Runtime"] = "python3.12",
            ["MemorySize"] = 1024,
            ["Timeout"] = 29,
            ["Architectures"] = new[] { "arm64" },
            ["Description"] = "orders API",
            ["TracingConfig"] = new Dictionary<string, object> { ["Mode"] = "Active" },
            ["Role"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("^Role"), "Arn" } },
            ["Layers"] = new object[]
            {
                "arn:aws:lambda:us-east-1:123456789012:layer:extra:3",
                new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("ColdStartImportTimeWrapperLayer") },
            },
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = new Dictionary<string, object>
                {
                    ["TABLE"] = "orders",
                    ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/importtime_wrapper",
                },
            },
        });
    }

    [Fact]
    public void An_existing_wrapper_is_chained_not_overwritten()
    {
        var stack = Cdk.NewStack();

        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
            p.Environment = new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/otel-instrument" }));

        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = new Dictionary<string, object>
                {
                    ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/importtime_wrapper",
                    ["COLDSTART_CHAINED_WRAPPER"] = "/opt/otel-instrument",
                },
            },
        });
        Amazon.CDK.Assertions.Annotations.FromStack(stack).HasInfo("/Test/Api",
            Match.StringLikeRegexp("coldstart:chained-wrapper.*/opt/otel-instrument"));
        Assert.Equal("Test/Api/Function", fn.Function.Node.Path);
    }

    [Fact]
    public void Our_own_wrapper_already_in_the_environment_is_not_chained_to_itself()
    {
        var stack = Cdk.NewStack();

        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
            p.Environment = new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/importtime_wrapper" }));

        var functions = Template.FromStack(stack).FindResources("AWS::Lambda::Function");
        var json = Snapshot.Scrub(functions.ToDictionary(kv => kv.Key, kv => (object)kv.Value));
        Assert.DoesNotContain("COLDSTART_CHAINED_WRAPPER", json);
    }
}
