using Amazon.CDK.AWS.Lambda;

namespace ColdStart.Constructs;

/// <summary>
/// One variant of a <see cref="ColdStartComparison"/>: a name, a strategy and, optionally, its own handler.
/// Everything else (code, runtime, memory, architecture, timeout, environment) is shared by all variants.
/// </summary>
public class ComparisonVariant
{
    /// <summary>The name used by <see cref="Lazy"/>.</summary>
    public const string LazyName = "lazy";

    /// <summary>The name used by <see cref="PreWarmed"/>.</summary>
    public const string PreWarmedName = "prewarmed";

    /// <summary>The name used by <see cref="SnapStart"/>.</summary>
    public const string SnapStartName = "snapstart";

    /// <summary>
    /// Names the variant in construct ids, outputs, the dashboard and the <c>coldstart compare NAME=FILES</c> command:
    /// 1-32 letters, digits, <c>-</c> or <c>_</c>, starting with a letter, unique (ignoring case) in the comparison. Required.
    /// </summary>
    public string Name { get; set; } = "";

    /// <summary>How the variant meets cold starts. Default: <see cref="ColdStartStrategy.OnDemand"/>.</summary>
    public ColdStartStrategy Strategy { get; set; } = ColdStartStrategy.OnDemand;

    /// <summary>
    /// The variant's handler, e.g. <c>app_lazy.handler</c>. Default: the shared
    /// <see cref="ColdStartComparisonProps.Function"/>'s <c>Handler</c>.
    /// </summary>
    public string? Handler { get; set; }

    /// <summary>
    /// Provisioned concurrency and autoscaling; only for <see cref="ColdStartStrategy.PreWarmed"/>.
    /// Default for a pre-warmed variant: <see cref="ColdStartComparison.DefaultPreWarming"/> (1 provisioned
    /// environment, autoscaling between 1 and 2 at 0.7 utilisation).
    /// </summary>
    public PreWarmingOptions? PreWarming { get; set; }

    /// <summary>
    /// The variant's log format (Lambda's <c>Text</c> or <c>JSON</c>), to compare the two; the dashboard's queries follow it.
    /// Default: the shared <see cref="ColdStartComparisonProps.Function"/>'s <c>LoggingFormat</c> (Lambda's default, text, when unset).
    /// </summary>
    public LoggingFormat? LoggingFormat { get; set; }

    /// <summary>An on-demand variant, typically with a handler that imports heavy modules inside the function.</summary>
    /// <param name="handler">The handler, e.g. <c>app_lazy.handler</c>; null for the shared one.</param>
    /// <param name="name">The variant's name. Default: <c>lazy</c>.</param>
    public static ComparisonVariant Lazy(string? handler = null, string name = LazyName) =>
        new() { Name = name, Strategy = ColdStartStrategy.OnDemand, Handler = handler };

    /// <summary>A pre-warmed variant, typically with a handler that imports at module level.</summary>
    /// <param name="handler">The handler, e.g. <c>app_eager.handler</c>; null for the shared one.</param>
    /// <param name="preWarming">Provisioned concurrency and autoscaling. Default: <see cref="ColdStartComparison.DefaultPreWarming"/>.</param>
    /// <param name="name">The variant's name. Default: <c>prewarmed</c>.</param>
    public static ComparisonVariant PreWarmed(string? handler = null, PreWarmingOptions? preWarming = null, string name = PreWarmedName) =>
        new() { Name = name, Strategy = ColdStartStrategy.PreWarmed, Handler = handler, PreWarming = preWarming };

    /// <summary>A SnapStart variant (python3.12+), typically with a handler that imports at module level.</summary>
    /// <param name="handler">The handler, e.g. <c>app_eager.handler</c>; null for the shared one.</param>
    /// <param name="name">The variant's name. Default: <c>snapstart</c>.</param>
    public static ComparisonVariant SnapStart(string? handler = null, string name = SnapStartName) =>
        new() { Name = name, Strategy = ColdStartStrategy.SnapStart, Handler = handler };
}
