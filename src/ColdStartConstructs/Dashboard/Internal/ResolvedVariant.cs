using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;

namespace ColdStart.Constructs.Dashboard.Internal;

/// <summary>A <see cref="DashboardVariant"/> with every default applied.</summary>
internal sealed record ResolvedVariant(
    string Label,
    string FunctionName,
    string? AliasName,
    double ProvisionedConcurrency,
    string LogGroupName,
    double MemorySize,
    Architecture Architecture,
    string? Description,
    FunctionLogging Logging,
    bool SnapStart)
{
    /// <summary>Lambda's default memory size.</summary>
    public const double DefaultMemorySize = 128;

    public static ResolvedVariant Of(DashboardVariant variant) => new(
        variant.Label,
        variant.Function.FunctionName,
        variant.AliasName,
        variant.ProvisionedConcurrency ?? 0,
        variant.LogGroupName ?? $"/aws/lambda/{variant.Function.FunctionName}",
        variant.MemorySize ?? MemoryOf(variant.Function) ?? DefaultMemorySize,
        variant.Architecture ?? variant.Function.Architecture ?? Architecture.X86_64,
        variant.Description,
        FunctionLogging.Of(variant.Function, variant.LoggingFormat),
        variant.SnapStart ?? SnapStartOf(variant.Function));

    public bool IsProvisioned => ProvisionedConcurrency > 0;

    public LogFormats Formats => Logging.Formats;

    /// <summary>The alias metrics' <c>Resource</c> dimension, <c>&lt;function&gt;:&lt;alias&gt;</c>; null without an alias.</summary>
    public string? AliasResource => AliasName is null ? null : $"{FunctionName}:{AliasName}";

    private static double? MemoryOf(IFunction function) =>
        function is Function { Node.DefaultChild: CfnFunction cfn } ? cfn.MemorySize : null;

    private static bool SnapStartOf(IFunction function) =>
        function is Function { Node.DefaultChild: CfnFunction { SnapStart: { } snapStart } cfn }
        && Stack.Of(cfn).Resolve(snapStart) is IDictionary<string, object> resolved
        && resolved.TryGetValue("applyOn", out var applyOn) && applyOn as string == "PublishedVersions";
}
