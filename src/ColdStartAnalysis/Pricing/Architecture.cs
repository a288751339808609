namespace ColdStart.Analysis.Pricing;

/// <summary>The instruction set a Lambda function runs on; each has its own published GB-second prices.</summary>
public enum Architecture
{
    /// <summary>x86_64, Lambda's default architecture, priced with <see cref="PricingModel.X86_64Prices"/>.</summary>
    X86_64,

    /// <summary>arm64 (Graviton), priced with <see cref="PricingModel.Arm64Prices"/>.</summary>
    Arm64,
}
