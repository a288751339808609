using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;

namespace ColdStart.Constructs;

/// <summary>What a <see cref="ColdStartComparison"/> deployed for one variant.</summary>
/// <param name="Name">The variant's name.</param>
/// <param name="Strategy">How it meets cold starts.</param>
/// <param name="Function">The profiled function.</param>
/// <param name="Alias">The alias to invoke (it carries the provisioned concurrency of a pre-warmed variant).</param>
/// <param name="LogGroup">The variant's own log group.</param>
public sealed record DeployedVariant(
    string Name,
    ColdStartStrategy Strategy,
    ImportTimeProfiledFunction Function,
    Alias Alias,
    LogGroup LogGroup);
