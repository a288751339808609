namespace ColdStart.Analysis.Pricing;

/// <summary>The GB-second prices of one architecture, in US dollars.</summary>
/// <param name="OnDemand">On-demand duration, and INIT (billed like duration since 2025-08-01), per GB-second.</param>
/// <param name="Provisioned">Provisioned concurrency kept configured, used or not, per GB-second.</param>
/// <param name="ProvisionedDuration">Duration of requests served by provisioned environments, per GB-second.</param>
public sealed record GbSecondPrices(double OnDemand, double Provisioned, double ProvisionedDuration)
{
    /// <summary>us-east-1 list prices for x86_64 (aws.amazon.com/lambda/pricing).</summary>
    public static GbSecondPrices X86_64List { get; } = new(0.0000166667, 0.0000041667, 0.0000097222);

    /// <summary>us-east-1 list prices for arm64 (aws.amazon.com/lambda/pricing): published per price, not a fixed share of x86's.</summary>
    public static GbSecondPrices Arm64List { get; } = new(0.0000133334, 0.0000033334, 0.0000077778);

    /// <summary>
    /// Utilisation (0–1) of provisioned concurrency above which it costs less than running the same requests on demand:
    /// <see cref="Provisioned"/> / (<see cref="OnDemand"/> − <see cref="ProvisionedDuration"/>); positive infinity when
    /// the provisioned duration price is not below the on-demand price (it never pays off).
    /// </summary>
    public double BreakEvenUtilisation =>
        OnDemand > ProvisionedDuration ? Provisioned / (OnDemand - ProvisionedDuration) : double.PositiveInfinity;
}
