using System.Collections.Concurrent;
using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace ColdStart.Constructs.Tests.Support;

/// <summary>
/// The wrapper layer's zip exactly as a deployment would upload it: a stack with an
/// <see cref="ImportTimeProfiledFunction"/> is synthesised to a cloud assembly, and the zip is read from the asset
/// the template's <c>AWS::Lambda::LayerVersion</c> points at.
/// </summary>
internal static class SynthesizedLayer
{
    private static readonly ConcurrentDictionary<string, byte[]> Zips = new();

    /// <param name="xOptions">The wrapper's <c>-X</c> values, <c>importtime</c> (or <c>importtime=N</c>) first.</param>
    public static byte[] Zip(IReadOnlyList<string> xOptions) =>
        Zips.GetOrAdd(string.Join(' ', xOptions), _ => Synthesize(xOptions));

    /// <summary>The path of the layer asset in a synthesised assembly folder.</summary>
    public static string AssetPath(Stack stack, string outdir)
    {
        var layer = Template.FromStack(stack).FindResources("AWS::Lambda::LayerVersion").Values.Single();
        var content = (IDictionary<string, object>)((IDictionary<string, object>)layer["Properties"])["Content"];
        var key = (string)content["S3Key"];
        return Path.Combine(outdir, "asset." + key);
    }

    private static byte[] Synthesize(IReadOnlyList<string> xOptions)
    {
        var outdir = Directory.CreateTempSubdirectory("coldstart-synth-").FullName;
        try
        {
            var app = Cdk.NewApp(outdir: outdir);
            var stack = new Stack(app, "Layer");
            var level = xOptions[0] == "importtime=2" ? 2 : 1;
            _ = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p =>
            {
                p.Runtime = level == 2 ? PythonRuntimes.Python314 : PythonRuntimes.Python313;
                p.ImportTimeProfiling = new() { ImportTimeLevel = level, ExtraXOptions = xOptions.Skip(1).ToArray() };
            }));
            app.Synth();
            return File.ReadAllBytes(AssetPath(stack, outdir));
        }
        finally
        {
            Directory.Delete(outdir, recursive: true);
        }
    }
}
