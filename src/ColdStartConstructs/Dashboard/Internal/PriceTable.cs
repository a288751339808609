using Amazon.CDK.AWS.Lambda;

namespace ColdStart.Constructs.Dashboard.Internal;

/// <summary><see cref="LambdaPricing"/> with defaults applied, per request and per GB-second.</summary>
internal sealed record PriceTable(
    double OnDemandGbSecond,
    double ProvisionedGbSecond,
    double ProvisionedDurationGbSecond,
    double PerRequest,
    double Arm64Factor)
{
    public static PriceTable From(LambdaPricing? pricing) => new(
        pricing?.OnDemandGbSecond ?? LambdaPricing.DefaultOnDemandGbSecond,
        pricing?.ProvisionedGbSecond ?? LambdaPricing.DefaultProvisionedGbSecond,
        pricing?.ProvisionedDurationGbSecond ?? LambdaPricing.DefaultProvisionedDurationGbSecond,
        (pricing?.RequestsPerMillion ?? LambdaPricing.DefaultRequestsPerMillion) / 1_000_000,
        pricing?.Arm64Factor ?? LambdaPricing.DefaultArm64Factor);

    /// <summary>What one GB-second costs relative to x86_64.</summary>
    public double ArchitectureFactor(Architecture architecture) =>
        architecture.Name == Architecture.ARM_64.Name ? Arm64Factor : 1;

    /// <summary>USD per millisecond of on-demand duration or INIT for a function of this size and architecture.</summary>
    public double OnDemandPerMillisecond(ResolvedVariant variant) =>
        variant.MemorySize / 1024 * OnDemandGbSecond * ArchitectureFactor(variant.Architecture) / 1000;
}
