using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using ColdStart.Constructs;
using ColdStart.Lab.Tests.Support;
using Constructs;

namespace ColdStart.Lab.Tests.Assembly;

/// <summary>The cloud-assembly reader on real <c>cdk synth</c> output of aws-cdk-lib 2.160.</summary>
public sealed class CloudAssemblyTests
{
    [Fact]
    public void Reads_every_python_function_of_every_stage_of_the_example_app()
    {
        var assembly = CloudAssembly.Read(ExampleAssembly.Directory);

        Assert.Equal(["Dev/Orders", "Dev/Comparison", "Prod/Orders"], assembly.Stacks);
        Assert.Equal(
            ["Dev/Orders/Lazy/Function", "Dev/Orders/Eager/Function", "Dev/Comparison/Orders/lazy/Function", "Dev/Comparison/Orders/prewarmed/Function",
             "Dev/Comparison/Orders/snapstart/Function", "Prod/Orders/Lazy/Function", "Prod/Orders/Eager/Function"],
            assembly.Functions.Select(f => f.Name));
        Assert.Empty(assembly.Skipped);

        var lazy = assembly.Functions[0];
        Assert.Equal("python3.13", lazy.Runtime);
        Assert.Equal("app_lazy.handler", lazy.Handler);
        Assert.StartsWith("LazyFunction", lazy.LogicalId, StringComparison.Ordinal);
        Assert.Equal(Path.Combine("assembly-Dev", "DevOrders83D4F3FB.template.json"), lazy.Template);
        Assert.True(File.Exists(Path.Combine(lazy.CodePath, "app_lazy.py")), $"no app_lazy.py in {lazy.CodePath}");
        Assert.Equal(512, lazy.MemoryMb);
        Assert.Equal(10, lazy.TimeoutSeconds);
        Assert.Null(lazy.Region);
        Assert.Equal("/opt/importtime_wrapper", lazy.ExecWrapper);
        var layer = Assert.Single(lazy.LayerPaths);
        Assert.EndsWith(".zip", layer, StringComparison.Ordinal);
        Assert.True(File.Exists(layer));

        var prod = assembly.Functions.Single(f => f.Name == "Prod/Orders/Lazy/Function");
        Assert.Null(prod.ExecWrapper);
        Assert.Empty(prod.LayerPaths);
        Assert.Equal(lazy.CodePath, prod.CodePath);
    }

    [Fact]
    public void A_stage_assembly_folder_reads_that_stage_only()
    {
        var dev = CloudAssembly.Read(Path.Combine(ExampleAssembly.Directory, "assembly-Dev"));

        Assert.Equal(5, dev.Functions.Count);
        Assert.All(dev.Functions, f => Assert.StartsWith("Dev/", f.Name, StringComparison.Ordinal));
        Assert.All(dev.Functions, f => Assert.True(Directory.Exists(f.CodePath)));
    }

    [Fact]
    public void Functions_that_cannot_run_locally_are_listed_as_skipped_with_the_reason()
    {
        using var temp = new TempFolder();
        var app = Synthesize(temp.Path, stack => Mixed(stack, temp));
        var assembly = CloudAssembly.Read(app);

        var skipped = assembly.Skipped.ToDictionary(s => s.Name.Split('/')[1], s => s.Reason);
        Assert.Equal("inline code (Code.ZipFile), not a local asset", skipped["Inline"]);
        Assert.Equal("code in S3 (s3://their-bucket/builds/app.zip), not a local asset", skipped["FromS3"]);
        Assert.Equal("container image (PackageType Image): the lab runs zip functions on a local interpreter", skipped["Image"]);
        Assert.Equal("not a Python runtime (nodejs20.x)", skipped["Node"]);
        Assert.Equal(4, assembly.Skipped.Count);

        var api = Assert.Single(assembly.Functions);
        Assert.Equal("Mixed/Api", api.Name);
        Assert.Equal("python3.12", api.Runtime);
        Assert.Equal("eu-west-1", api.Region);
        Assert.Equal(2, api.LayerPaths.Count);
        Assert.True(Directory.Exists(Path.Combine(api.LayerPaths[0], "python")), $"the folder layer is at {api.LayerPaths[0]}");
        Assert.EndsWith(".zip", api.LayerPaths[1], StringComparison.Ordinal);
        Assert.Equal(["arn:aws:lambda:eu-west-1:123456789012:layer:theirs:3"], api.NonLocalLayers);
        Assert.Equal("orders", api.Environment["TABLE"]);
        Assert.Equal(["BUCKET"], api.UnresolvedEnvironment);
    }

    [Fact]
    public void The_cdk_clis_asset_metadata_leads_to_the_same_assets()
    {
        using var temp = new TempFolder();
        var plain = CloudAssembly.Read(Synthesize(Path.Combine(temp.Path, "plain"), stack => Mixed(stack, temp))).Functions.Single();
        var withMetadata = CloudAssembly.Read(Synthesize(Path.Combine(temp.Path, "metadata"), stack => Mixed(stack, temp), new Dictionary<string, object>
        {
            ["aws:cdk:enable-asset-metadata"] = true,
            ["aws:cdk:enable-path-metadata"] = true,
        })).Functions.Single();

        Assert.Equal(Path.GetFileName(plain.CodePath), Path.GetFileName(withMetadata.CodePath));
        Assert.Equal(plain.LayerPaths.Select(Path.GetFileName), withMetadata.LayerPaths.Select(Path.GetFileName));
        Assert.Equal(plain.Name, withMetadata.Name);
    }

    [Fact]
    public void A_folder_without_a_manifest_or_with_a_broken_template_is_a_one_line_error()
    {
        using var temp = new TempFolder();
        var missing = Assert.Throws<CloudAssemblyException>(() => CloudAssembly.Read(temp.PathOf("nope")));
        Assert.Equal($"'{temp.PathOf("nope")}' is not a folder: expected a cloud assembly such as cdk.out (run `cdk synth` first).", missing.Message);

        var empty = Assert.Throws<CloudAssemblyException>(() => CloudAssembly.Read(temp.Path));
        Assert.Contains("has no manifest.json", empty.Message, StringComparison.Ordinal);

        temp.Write("manifest.json", """{"version": "38.0.0", "artifacts": {"S": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "S.template.json"}}}}""");
        temp.Write("S.template.json", "{ \"Resources\": ");
        var broken = Assert.Throws<CloudAssemblyException>(() => CloudAssembly.Read(temp.Path));
        Assert.StartsWith("'", broken.Message, StringComparison.Ordinal);
        Assert.Contains("S.template.json' is not valid JSON", broken.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', broken.Message);
    }

    [Fact]
    public void Select_picks_by_path_segments_or_logical_id_and_names_a_pattern_that_matches_nothing()
    {
        var assembly = CloudAssembly.Read(ExampleAssembly.Directory);

        Assert.Equal(["Dev/Orders/Lazy/Function", "Prod/Orders/Lazy/Function"], assembly.Select(["Orders/Lazy"]).Functions.Select(f => f.Name));
        Assert.Equal(["Dev/Orders/Lazy/Function"], assembly.Select(["Dev/Orders/Lazy"]).Functions.Select(f => f.Name));
        Assert.Equal(["Dev/Comparison/Orders/lazy/Function"], assembly.Select(["lazy"]).Functions.Select(f => f.Name));
        Assert.Equal(3, assembly.Select(["Dev/Comparison/*"]).Functions.Count);
        // Logical ids are unique per template only: the same construct in two stages has the same one.
        Assert.Equal(["Dev/Orders/Eager/Function", "Prod/Orders/Eager/Function"], assembly.Select([assembly.Functions[1].LogicalId!]).Functions.Select(f => f.Name));
        Assert.Equal(["Dev/Orders/Eager/Function", "Prod/Orders/Eager/Function"], assembly.Select(["Eager*"]).Functions.Select(f => f.Name));

        var none = Assert.Throws<ArgumentException>(() => assembly.Select(["Orders/Missing"]));
        Assert.StartsWith("--function 'Orders/Missing' matches no function in ", none.Message, StringComparison.Ordinal);
        Assert.Contains("functions: Dev/Orders/Lazy/Function, Dev/Orders/Eager/Function", none.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Lazy", "Dev/Orders/Lazy/Function", true)]
    [InlineData("Orders/Lazy", "Dev/Orders/Lazy/Function", true)]
    [InlineData("Dev/*/Lazy/Function", "Dev/Orders/Lazy/Function", true)]
    [InlineData("La?y", "Dev/Orders/Lazy/Function", true)]
    [InlineData("lazy", "Dev/Orders/Lazy/Function", false)]
    [InlineData("Orders/Function", "Dev/Orders/Lazy/Function", false)]
    [InlineData("Lazy/Function/Extra", "Dev/Orders/Lazy/Function", false)]
    [InlineData("/Dev/Orders/", "Dev/Orders/Lazy/Function", true)]
    [InlineData("Laz", "Dev/Orders/Lazy/Function", false)]
    public void A_pattern_matches_whole_segments(string pattern, string path, bool matches) =>
        Assert.Equal(matches, new FunctionPattern(pattern).Matches(path, logicalId: null));

    private static string Synthesize(string outdir, Action<Stack> build, IDictionary<string, object>? context = null)
    {
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        var app = new App(new AppProps { Outdir = outdir, Context = context });
        build(new Stack(app, "Mixed", new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" } }));
        app.Synth();
        return outdir;
    }

    /// <summary>One runnable Python function with a folder layer, a zip layer and an ARN layer, and four that cannot run locally.</summary>
    private static void Mixed(Stack stack, TempFolder temp)
    {
        var layerZip = Path.Combine(temp.Path, "layer.zip");
        if (!File.Exists(layerZip))
        {
            System.IO.Compression.ZipFile.CreateFromDirectory(Assets.Folder("layer_folder"), layerZip);
        }

        var bucket = Bucket.FromBucketName(stack, "Bucket", "their-bucket");
        _ = new Function(stack, "Api", new FunctionProps
        {
            Runtime = Runtime.PYTHON_3_12,
            Handler = "app.handler",
            Code = Code.FromAsset(Assets.Folder("layered")),
            Layers =
            [
                new LayerVersion(stack, "FolderLayer", new LayerVersionProps { Code = Code.FromAsset(Assets.Folder("layer_folder")) }),
                new LayerVersion(stack, "ZipLayer", new LayerVersionProps { Code = Code.FromAsset(layerZip) }),
                LayerVersion.FromLayerVersionArn(stack, "Theirs", "arn:aws:lambda:eu-west-1:123456789012:layer:theirs:3"),
            ],
            Environment = new Dictionary<string, string> { ["TABLE"] = "orders", ["BUCKET"] = new Bucket(stack, "Data").BucketName },
        });
        _ = new Function(stack, "Inline", new FunctionProps { Runtime = Runtime.PYTHON_3_12, Handler = "index.handler", Code = Code.FromInline("def handler(e, c):\n    return 1\n") });
        _ = new Function(stack, "FromS3", new FunctionProps { Runtime = Runtime.PYTHON_3_12, Handler = "app.handler", Code = Code.FromBucket(bucket, "builds/app.zip") });
        _ = new DockerImageFunction(stack, "Image", new DockerImageFunctionProps
        {
            Code = DockerImageCode.FromEcr(Repository.FromRepositoryName(stack, "Repo", "orders")),
        });
        _ = new Function(stack, "Node", new FunctionProps { Runtime = Runtime.NODEJS_20_X, Handler = "index.handler", Code = Code.FromAsset(Assets.Folder("layered")) });
    }
}
