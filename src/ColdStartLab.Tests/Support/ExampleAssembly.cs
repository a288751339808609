using Amazon.CDK;
using ColdStart.Examples;

namespace ColdStart.Lab.Tests.Support;

/// <summary>The example app synthesised once per test run by aws-cdk-lib into a scratch cloud assembly.</summary>
internal static class ExampleAssembly
{
    private static readonly Lazy<string> Outdir = new(() =>
    {
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        var outdir = System.IO.Directory.CreateTempSubdirectory("coldstart-lab-cdk-out-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.Directory.Delete(outdir, recursive: true);
        var app = new App(new AppProps { Outdir = outdir });
        ExampleApp.Build(app);
        app.Synth();
        return outdir;
    });

    /// <summary>The folder holding the root manifest.json (like cdk.out).</summary>
    public static string Directory => Outdir.Value;

    /// <summary>The ColdStart wrapper layer's zip as synthesised (the asset a deployment uploads).</summary>
    public static string WrapperLayerZip => CloudAssembly.Read(Directory).Functions.First(f => f.Name == "Dev/Orders/Lazy/Function").LayerPaths.Single();
}
