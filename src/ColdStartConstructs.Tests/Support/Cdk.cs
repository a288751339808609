using System.Runtime.CompilerServices;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;

namespace ColdStart.Constructs.Tests.Support;

/// <summary>Builders for the apps and stacks the tests synthesise.</summary>
internal static class Cdk
{
    [ModuleInitializer]
    internal static void SilenceNodeEndOfLifeBanner() =>
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");

    /// <summary>Absolute path of the test handler folder (asset paths resolve against node's directory otherwise).</summary>
    public static string HandlerDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestAssets", "handler");

    public static Code HandlerCode() => Code.FromAsset(HandlerDirectory);

    /// <summary>Absolute path of a folder with a Dockerfile: CDK synthesises image assets without building them.</summary>
    public static string ImageDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestAssets", "image");

    public static App NewApp(IDictionary<string, object>? context = null, string? outdir = null) => new(new AppProps
    {
        Context = context,
        Outdir = outdir,
    });

    public static Stack NewStack(IDictionary<string, object>? context = null) => new(NewApp(context), "Test");

    public static ImportTimeProfiledFunctionProps Props(Action<ImportTimeProfiledFunctionProps>? configure = null)
    {
        var props = new ImportTimeProfiledFunctionProps { Code = HandlerCode(), Handler = "app.handler" };
        configure?.Invoke(props);
        return props;
    }
}
