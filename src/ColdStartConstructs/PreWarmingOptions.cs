using Amazon.CDK.AWS.ApplicationAutoScaling;

namespace ColdStart.Constructs;

/// <summary>
/// Keeps execution environments initialised ahead of traffic: provisioned concurrency on an alias of the
/// function's current version, optionally with Application Auto Scaling (target tracking on utilisation
/// and scheduled actions).
/// </summary>
public class PreWarmingOptions
{
    /// <summary>
    /// Provisioned concurrent executions on the alias (a whole number, at least 1). With autoscaling this is the
    /// value deployed before the first scaling activity. Required.
    /// </summary>
    public double ProvisionedConcurrency { get; set; }

    /// <summary>Name of the alias that carries the provisioned concurrency. Default: <c>live</c>.</summary>
    public string? AliasName { get; set; }

    /// <summary>
    /// Lower bound of autoscaling. Setting it (or <see cref="MaxCapacity"/> or <see cref="Schedules"/>) turns
    /// autoscaling on. Default: <see cref="ProvisionedConcurrency"/>.
    /// </summary>
    public double? MinCapacity { get; set; }

    /// <summary>
    /// Upper bound of autoscaling. Required when autoscaling is on (any of <see cref="MinCapacity"/>,
    /// <see cref="MaxCapacity"/>, <see cref="Schedules"/> set). Default: no autoscaling.
    /// </summary>
    public double? MaxCapacity { get; set; }

    /// <summary>
    /// Target of the <c>LambdaProvisionedConcurrencyUtilization</c> target-tracking policy, from 0.1 to 0.9.
    /// Used only when autoscaling is on. Default: <c>0.7</c>.
    /// </summary>
    public double? TargetUtilization { get; set; }

    /// <summary>
    /// Scheduled scaling actions (for example more capacity on weekday mornings). Each needs a min or a max.
    /// Default: none.
    /// </summary>
    public ScheduledPreWarming[]? Schedules { get; set; }
}

/// <summary>A scheduled change of the provisioned-concurrency bounds.</summary>
public class ScheduledPreWarming
{
    /// <summary>Name of the action, unique for the function (letters, digits, <c>-</c>, <c>_</c>). Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>When the action runs: <c>Schedule.Cron(...)</c>, <c>Schedule.Rate(...)</c> or <c>Schedule.At(...)</c>. Required.</summary>
    public Schedule Schedule { get; set; } = null!;

    /// <summary>New minimum capacity. Default: unchanged (but a min or a max must be given).</summary>
    public double? MinCapacity { get; set; }

    /// <summary>New maximum capacity. Default: unchanged (but a min or a max must be given).</summary>
    public double? MaxCapacity { get; set; }
}
