namespace ColdStart.Analysis.Pricing;

/// <summary>The instruction set a Lambda function runs on; arm64 GB-second prices are lower.</summary>
public enum Architecture
{
    /// <summary>x86_64, Lambda's default architecture. Prices in <see cref="PricingModel"/> are x86 prices.</summary>
    X86_64,

    /// <summary>arm64 (Graviton): GB-second prices are multiplied by <see cref="PricingModel.Arm64PriceFactor"/>.</summary>
    Arm64,
}
