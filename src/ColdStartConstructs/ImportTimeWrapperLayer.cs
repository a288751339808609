using System.Security.Cryptography;
using System.Text;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using ColdStart.Constructs.Internal;
using Constructs;

namespace ColdStart.Constructs;

/// <summary>
/// The Lambda layer that holds ColdStart's wrapper script at <c>/opt/importtime_wrapper</c>. There is one per stack
/// and set of <c>-X</c> options, shared by every profiled function in the stack: get it with <see cref="Of"/>.
/// </summary>
public sealed class ImportTimeWrapperLayer : Construct
{
    /// <summary>Where Lambda finds the wrapper: the value of <c>AWS_LAMBDA_EXEC_WRAPPER</c>.</summary>
    public const string WrapperPath = "/opt/" + WrapperScript.FileName;

    /// <summary>The variable Lambda reads to find a wrapper script.</summary>
    public const string ExecWrapperVariable = "AWS_LAMBDA_EXEC_WRAPPER";

    /// <summary>
    /// The variable that holds a wrapper the function already had; ColdStart's wrapper runs it next (chaining).
    /// </summary>
    public const string ChainedWrapperVariable = WrapperScript.ChainVariable;

    private const string BaseId = "ColdStartImportTimeWrapper";

    private ImportTimeWrapperLayer(Construct scope, string id, IReadOnlyList<string> xOptions)
        : base(scope, id)
    {
        XOptions = xOptions;
        var zipPath = WrapperLayerZip.WriteToCache(WrapperScript.Render(xOptions));
        Layer = new LayerVersion(this, "Layer", new LayerVersionProps
        {
            Code = Code.FromAsset(zipPath),
            Description = $"ColdStart wrapper: starts Python with {string.Join(' ', xOptions.Select(o => "-X " + o))}",
            CompatibleArchitectures = [Architecture.X86_64, Architecture.ARM_64],
            License = "Apache-2.0",
        });
        // Declared on the L1 only: the L2 would compare Runtime objects field by field, and a user's own
        // `new Runtime("python3.13", ...)` differs from ours in flags that do not matter to a wrapper.
        ((CfnLayerVersion)Layer.Node.DefaultChild!).CompatibleRuntimes = [.. CompatibleRuntimeNames];
    }

    /// <summary>The runtimes the layer declares (Lambda lists them in the console; the wrapper itself works on any).</summary>
    public static IReadOnlyList<string> CompatibleRuntimeNames { get; } =
        ["python3.8", "python3.9", "python3.10", "python3.11", "python3.12", "python3.13", "python3.14"];

    /// <summary>The <c>-X</c> values the wrapper passes, <c>importtime</c> first, the rest sorted.</summary>
    public IReadOnlyList<string> XOptions { get; }

    /// <summary>The layer version; add it to a function together with <see cref="ExecWrapperVariable"/> = <see cref="WrapperPath"/>.</summary>
    public LayerVersion Layer { get; }

    /// <summary>
    /// The stack's layer for these options, created on first use. Functions with the same options share it, in
    /// whatever order they were given (the wrapper passes them <c>importtime</c> first, the rest sorted).
    /// </summary>
    /// <param name="scope">Any construct in the stack.</param>
    /// <param name="xOptions">Validated <c>-X</c> values, <c>importtime</c> first. Default options get the id
    /// <c>ColdStartImportTimeWrapper</c>; others get a suffix derived from the options.</param>
    public static ImportTimeWrapperLayer Of(IConstruct scope, IReadOnlyList<string> xOptions)
    {
        xOptions = XOptionRules.Canonical(xOptions);
        var stack = Stack.Of(scope);
        var id = xOptions.SequenceEqual(["importtime"]) ? BaseId : $"{BaseId}{Suffix(xOptions)}";
        return stack.Node.TryFindChild(id) as ImportTimeWrapperLayer ?? new ImportTimeWrapperLayer(stack, id, xOptions);
    }

    private static string Suffix(IReadOnlyList<string> xOptions) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', xOptions))))[..8];
}
