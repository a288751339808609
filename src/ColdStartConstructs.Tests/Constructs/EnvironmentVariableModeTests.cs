using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.Assertions;
using ColdStart.Constructs.Tests.Support;
using Xunit;
using Match = Amazon.CDK.Assertions.Match;
using CdkAnnotations = Amazon.CDK.Assertions.Annotations;

namespace ColdStart.Constructs.Tests.Constructs;

/// <summary>
/// <see cref="ProfilingMode.EnvironmentVariable"/>: <c>PYTHONPROFILEIMPORTTIME</c> instead of the wrapper, on zip functions
/// (L2 and L1) and on container-image functions, through the construct and through the aspect.
/// </summary>
public class EnvironmentVariableModeTests
{
    private static readonly ImportTimeProfilingOptions EnvironmentVariable = new() { Mode = ProfilingMode.EnvironmentVariable };

    private static Dictionary<string, object> Variables(Dictionary<string, object> variables) => new()
    {
        ["Environment"] = new Dictionary<string, object> { ["Variables"] = variables },
    };

    private static IDictionary<string, object> FunctionProperties(Template template) =>
        (IDictionary<string, object>)template.FindResources("AWS::Lambda::Function").Values.Single()["Properties"];

    [Fact]
    public void Sets_the_variable_and_adds_no_layer_and_no_wrapper()
    {
        var stack = Cdk.NewStack();

        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.ImportTimeProfiling = EnvironmentVariable));

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::LayerVersion", 0);
        template.HasResourceProperties("AWS::Lambda::Function", Variables(new() { ["PYTHONPROFILEIMPORTTIME"] = "1" }));
        Assert.False(FunctionProperties(template).ContainsKey("Layers"));
        Assert.True(fn.ProfilingEnabled);
        Assert.Equal(ProfilingMode.EnvironmentVariable, fn.Mode);
        Assert.Null(fn.Layer);
        Assert.Equal(new[] { "importtime" }, fn.XOptions);
    }

    [Fact]
    public void Wrapper_is_the_default_mode()
    {
        var fn = new ImportTimeProfiledFunction(Cdk.NewStack(), "Api", Cdk.Props());

        Assert.Equal(ProfilingMode.Wrapper, fn.Mode);
    }

    [Fact]
    public void Level_2_sets_2_on_python_3_14()
    {
        var stack = Cdk.NewStack();

        var fn = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
        {
            p.Runtime = PythonRuntimes.Python314;
            p.ImportTimeProfiling = new() { Mode = ProfilingMode.EnvironmentVariable, ImportTimeLevel = 2 };
        }));

        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", Variables(new() { ["PYTHONPROFILEIMPORTTIME"] = "2" }));
        Assert.Equal(new[] { "importtime=2" }, fn.XOptions);
    }

    [Fact]
    public void Level_2_is_refused_below_python_3_14_as_with_the_wrapper()
    {
        var error = Assert.Throws<ColdStartConfigurationException>(() => new ImportTimeProfiledFunction(Cdk.NewStack(), "Api", Cdk.Props(p =>
            p.ImportTimeProfiling = new() { Mode = ProfilingMode.EnvironmentVariable, ImportTimeLevel = 2 })));

        Assert.Contains("`ImportTimeProfiling.ImportTimeLevel` needs python3.14+. Found: 2 (on python3.13).", error.Message);
    }

    [Fact]
    public void Extra_x_options_need_the_wrapper()
    {
        var error = Assert.Throws<ColdStartConfigurationException>(() => new ImportTimeProfiledFunction(Cdk.NewStack(), "Api", Cdk.Props(p =>
            p.ImportTimeProfiling = new() { Mode = ProfilingMode.EnvironmentVariable, ExtraXOptions = ["dev", "tracemalloc=5"] })));

        Assert.StartsWith("Test/Api: `ImportTimeProfiling.ExtraXOptions` need ProfilingMode.Wrapper", error.Message);
        Assert.Contains("Found: \"dev\", \"tracemalloc=5\".", error.Message);
    }

    [Fact]
    public void Another_wrapper_is_left_as_it_is()
    {
        var stack = Cdk.NewStack();

        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
        {
            p.ImportTimeProfiling = EnvironmentVariable;
            p.Environment = new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/otel-instrument" };
        }));

        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = new Dictionary<string, object>
                {
                    ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/otel-instrument",
                    ["PYTHONPROFILEIMPORTTIME"] = "1",
                },
            },
        });
    }

    [Theory]
    [InlineData(ProfilingMode.EnvironmentVariable)]
    [InlineData(ProfilingMode.Wrapper)]
    public void The_functions_own_variable_with_the_same_meaning_is_kept(ProfilingMode mode)
    {
        var stack = Cdk.NewStack();

        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
        {
            p.ImportTimeProfiling = new() { Mode = mode };
            p.Environment = new Dictionary<string, string> { ["PYTHONPROFILEIMPORTTIME"] = "1" };
        }));

        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", Variables(new() { ["PYTHONPROFILEIMPORTTIME"] = "1" }));
    }

    [Theory]
    [InlineData(ProfilingMode.EnvironmentVariable, "0", "ColdStart would have to overwrite it")]
    [InlineData(ProfilingMode.EnvironmentVariable, "true", "ColdStart would have to overwrite it")]
    [InlineData(ProfilingMode.Wrapper, "2", "the wrapper's -X importtime would override it")]
    public void The_functions_own_variable_with_another_value_is_refused_not_overwritten(ProfilingMode mode, string value, string why)
    {
        var error = Assert.Throws<ColdStartConfigurationException>(() => new ImportTimeProfiledFunction(Cdk.NewStack(), "Api", Cdk.Props(p =>
        {
            p.ImportTimeProfiling = new() { Mode = mode };
            p.Environment = new Dictionary<string, string> { ["PYTHONPROFILEIMPORTTIME"] = value };
        })));

        Assert.StartsWith("Test/Api: `Environment[\"PYTHONPROFILEIMPORTTIME\"]` must be \"1\" (ImportTimeLevel 1) or unset", error.Message);
        Assert.Contains(why, error.Message);
        Assert.Contains($"Found: \"{value}\".", error.Message);
    }

    [Fact]
    public void Profiling_off_leaves_the_functions_own_variable_alone()
    {
        var stack = Cdk.NewStack();

        new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
        {
            p.ImportTimeProfiling = new() { Mode = ProfilingMode.EnvironmentVariable, Enabled = false };
            p.Environment = new Dictionary<string, string> { ["PYTHONPROFILEIMPORTTIME"] = "0" };
        }));

        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", Variables(new() { ["PYTHONPROFILEIMPORTTIME"] = "0" }));
    }

    [Fact]
    public void Container_image_from_ecr_is_profiled_with_the_variable()
    {
        var stack = Cdk.NewStack();
        var repository = Repository.FromRepositoryName(stack, "Repo", "orders");

        var fn = new ImportTimeProfiledFunction(stack, "Api", new ImportTimeProfiledFunctionProps
        {
            Code = Code.FromEcrImage(repository, new EcrImageCodeProps { TagOrDigest = "v1" }),
            ImportTimeProfiling = EnvironmentVariable,
        });

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::LayerVersion", 0);
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["PackageType"] = "Image",
            ["Code"] = new Dictionary<string, object> { ["ImageUri"] = Match.AnyValue() },
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = new Dictionary<string, object> { ["PYTHONPROFILEIMPORTTIME"] = "1" },
            },
        });
        var properties = FunctionProperties(template);
        Assert.False(properties.ContainsKey("Runtime"));
        Assert.False(properties.ContainsKey("Handler"));
        Assert.Equal(ProfilingMode.EnvironmentVariable, fn.Mode);
    }

    [Fact]
    public void Container_image_built_from_a_dockerfile_synthesises_without_docker()
    {
        var outdir = Directory.CreateTempSubdirectory("coldstart-image-synth-").FullName;
        try
        {
            var app = Cdk.NewApp(outdir: outdir);
            var stack = new Stack(app, "Images");
            new ImportTimeProfiledFunction(stack, "Api", new ImportTimeProfiledFunctionProps
            {
                Code = Code.FromAssetImage(Cdk.ImageDirectory),
                ImportTimeProfiling = EnvironmentVariable,
            });

            app.Synth();

            var manifest = File.ReadAllText(Path.Combine(outdir, "Images.assets.json"));
            Assert.Contains("\"dockerImages\"", manifest);
            Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
            {
                ["PackageType"] = "Image",
                ["Environment"] = new Dictionary<string, object>
                {
                    ["Variables"] = new Dictionary<string, object> { ["PYTHONPROFILEIMPORTTIME"] = "1" },
                },
            });
        }
        finally
        {
            Directory.Delete(outdir, recursive: true);
        }
    }

    [Fact]
    public void Container_image_refuses_level_2_whose_python_version_it_cannot_read()
    {
        var stack = Cdk.NewStack();
        var repository = Repository.FromRepositoryName(stack, "Repo", "orders");

        var error = Assert.Throws<ColdStartConfigurationException>(() => new ImportTimeProfiledFunction(stack, "Api", new ImportTimeProfiledFunctionProps
        {
            Code = Code.FromEcrImage(repository),
            ImportTimeProfiling = new() { Mode = ProfilingMode.EnvironmentVariable, ImportTimeLevel = 2 },
        }));

        Assert.Contains("`ImportTimeProfiling.ImportTimeLevel` must be 1 for a container image", error.Message);
        Assert.Contains("Found: 2 (on FROM_IMAGE).", error.Message);
    }

    [Fact]
    public void Aspect_in_environment_variable_mode_profiles_l2_and_l1_functions_without_a_layer()
    {
        var stack = Cdk.NewStack();
        new Function(stack, "L2", new FunctionProps { Code = Cdk.HandlerCode(), Handler = "app.handler", Runtime = Runtime.PYTHON_3_12 });
        new CfnFunction(stack, "L1", new CfnFunctionProps
        {
            Runtime = "python3.11", Handler = "app.handler", Role = "arn:aws:iam::123456789012:role/lambda",
            Code = new CfnFunction.CodeProperty { ZipFile = "def handler(e, c): return 1" },
            Environment = new CfnFunction.EnvironmentProperty { Variables = new Dictionary<string, string> { ["KEEP"] = "me" } },
        });

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect(EnvironmentVariable));

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Lambda::LayerVersion", 0);
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Runtime"] = "python3.12",
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = new Dictionary<string, object> { ["PYTHONPROFILEIMPORTTIME"] = "1" },
            },
        });
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Runtime"] = "python3.11",
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = new Dictionary<string, object> { ["KEEP"] = "me", ["PYTHONPROFILEIMPORTTIME"] = "1" },
            },
        });
        Assert.DoesNotContain("AWS_LAMBDA_EXEC_WRAPPER", Snapshot.Scrub(template.ToJSON()));
    }

    [Fact]
    public void Aspect_profiles_container_images_with_the_variable_by_default()
    {
        var stack = Cdk.NewStack();
        var repository = Repository.FromRepositoryName(stack, "Repo", "orders");
        new DockerImageFunction(stack, "FromEcr", new DockerImageFunctionProps { Code = DockerImageCode.FromEcr(repository) });
        new DockerImageFunction(stack, "FromDockerfile", new DockerImageFunctionProps { Code = DockerImageCode.FromImageAsset(Cdk.ImageDirectory) });
        new CfnFunction(stack, "Raw", new CfnFunctionProps
        {
            PackageType = "Image", Role = "arn:aws:iam::123456789012:role/lambda",
            Code = new CfnFunction.CodeProperty { ImageUri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:v1" },
        });
        new Function(stack, "Zip", new FunctionProps { Code = Cdk.HandlerCode(), Handler = "app.handler", Runtime = Runtime.PYTHON_3_12 });

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect());

        var template = Template.FromStack(stack);
        var functions = template.FindResources("AWS::Lambda::Function");
        foreach (var prefix in new[] { "FromEcr", "FromDockerfile", "Raw" })
        {
            var properties = (IDictionary<string, object>)functions.Single(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Value["Properties"];
            Assert.Equal("Image", properties["PackageType"]);
            var variables = (IDictionary<string, object>)((IDictionary<string, object>)properties["Environment"])["Variables"];
            Assert.Equal("1", variables["PYTHONPROFILEIMPORTTIME"]);
            Assert.False(variables.ContainsKey("AWS_LAMBDA_EXEC_WRAPPER"), prefix);
            Assert.False(properties.ContainsKey("Layers"), prefix);
        }
        template.HasResourceProperties("AWS::Lambda::Function", Variables(new() { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/importtime_wrapper" }));
        var annotations = CdkAnnotations.FromStack(stack);
        annotations.HasInfo("/Test/FromEcr", Match.StringLikeRegexp("coldstart:environment-variable-mode.*PYTHONPROFILEIMPORTTIME=1"));
        annotations.HasInfo("/Test/Raw", Match.StringLikeRegexp("coldstart:environment-variable-mode"));
        annotations.HasNoError("*", Match.AnyValue());
    }

    [Fact]
    public void Aspect_asked_for_the_wrapper_explains_that_images_need_the_variable()
    {
        var stack = Cdk.NewStack();
        var repository = Repository.FromRepositoryName(stack, "Repo", "orders");
        new DockerImageFunction(stack, "Image", new DockerImageFunctionProps { Code = DockerImageCode.FromEcr(repository) });

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect(new ImportTimeProfilingOptions { Mode = ProfilingMode.Wrapper }));

        CdkAnnotations.FromStack(stack).HasError("/Test/Image",
            Match.StringLikeRegexp("`ImportTimeProfiling.Mode` must be ProfilingMode.EnvironmentVariable for a container-image function.*Found: Wrapper\\."));
        Template.FromStack(stack).ResourceCountIs("AWS::Lambda::LayerVersion", 0);
    }

    [Fact]
    public void Aspect_with_extra_x_options_explains_that_images_cannot_take_them()
    {
        var stack = Cdk.NewStack();
        var repository = Repository.FromRepositoryName(stack, "Repo", "orders");
        new DockerImageFunction(stack, "Image", new DockerImageFunctionProps { Code = DockerImageCode.FromEcr(repository) });

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect(new ImportTimeProfilingOptions { ExtraXOptions = ["dev"] }));

        CdkAnnotations.FromStack(stack).HasError("/Test/Image", Match.StringLikeRegexp("`ImportTimeProfiling.ExtraXOptions` need ProfilingMode.Wrapper"));
    }

    [Fact]
    public void Aspect_refuses_a_functions_own_variable_with_another_value()
    {
        var stack = Cdk.NewStack();
        new Function(stack, "L2", new FunctionProps
        {
            Code = Cdk.HandlerCode(), Handler = "app.handler", Runtime = Runtime.PYTHON_3_12,
            Environment = new Dictionary<string, string> { ["PYTHONPROFILEIMPORTTIME"] = "0" },
        });

        Aspects.Of(stack).Add(new ImportTimeProfilingAspect(EnvironmentVariable));

        CdkAnnotations.FromStack(stack).HasError("/Test/L2",
            Match.StringLikeRegexp("`Environment\\[\"PYTHONPROFILEIMPORTTIME\"\\]` must be \"1\" \\(ImportTimeLevel 1\\) or unset.*Found: \"0\""));
        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", Variables(new() { ["PYTHONPROFILEIMPORTTIME"] = "0" }));
    }
}
