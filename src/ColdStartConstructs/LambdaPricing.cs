namespace ColdStart.Constructs;

/// <summary>
/// Lambda prices used by the dashboard's cost estimates, in USD. Defaults are us-east-1 x86_64 list prices
/// (aws.amazon.com/lambda/pricing); set your region's or your discounted prices. All must be non-negative.
/// Since 2025-08-01 the INIT phase of on-demand ZIP functions is billed like duration, at <see cref="OnDemandGbSecond"/>.
/// </summary>
public class LambdaPricing
{
    /// <summary>Default of <see cref="OnDemandGbSecond"/>.</summary>
    public const double DefaultOnDemandGbSecond = 0.0000166667;

    /// <summary>Default of <see cref="ProvisionedGbSecond"/>.</summary>
    public const double DefaultProvisionedGbSecond = 0.0000041667;

    /// <summary>Default of <see cref="ProvisionedDurationGbSecond"/>.</summary>
    public const double DefaultProvisionedDurationGbSecond = 0.0000097222;

    /// <summary>Default of <see cref="RequestsPerMillion"/>.</summary>
    public const double DefaultRequestsPerMillion = 0.20;

    /// <summary>Default of <see cref="Arm64Factor"/>.</summary>
    public const double DefaultArm64Factor = 0.8;

    /// <summary>On-demand duration (and, since 2025-08-01, INIT) per GB-second. Default: 0.0000166667.</summary>
    public double? OnDemandGbSecond { get; set; }

    /// <summary>Provisioned concurrency kept allocated, per GB-second. Default: 0.0000041667.</summary>
    public double? ProvisionedGbSecond { get; set; }

    /// <summary>Duration of invocations served by provisioned concurrency, per GB-second. Default: 0.0000097222.</summary>
    public double? ProvisionedDurationGbSecond { get; set; }

    /// <summary>Requests, per million. Default: 0.20.</summary>
    public double? RequestsPerMillion { get; set; }

    /// <summary>Multiplier of every GB-second price for arm64 functions (requests cost the same). Default: 0.8.</summary>
    public double? Arm64Factor { get; set; }
}
