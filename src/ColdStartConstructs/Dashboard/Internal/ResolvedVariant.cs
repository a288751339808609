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
    string? Description)
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
        variant.Description);

    public bool IsProvisioned => ProvisionedConcurrency > 0;

    /// <summary>The alias metrics' <c>Resource</c> dimension, <c>&lt;function&gt;:&lt;alias&gt;</c>; null without an alias.</summary>
    public string? AliasResource => AliasName is null ? null : $"{FunctionName}:{AliasName}";

    private static double? MemoryOf(IFunction function) =>
        function is Function { Node.DefaultChild: CfnFunction cfn } ? cfn.MemorySize : null;
}
