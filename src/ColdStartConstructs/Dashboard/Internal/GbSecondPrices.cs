namespace ColdStart.Constructs.Dashboard.Internal;

/// <summary>The GB-second prices of one architecture, in USD.</summary>
internal sealed record GbSecondPrices(double OnDemand, double Provisioned, double ProvisionedDuration);
