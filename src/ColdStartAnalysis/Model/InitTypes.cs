namespace ColdStart.Analysis;

/// <summary>The values of <see cref="ColdStartProfile.InitType"/>.</summary>
public static class InitTypes
{
    /// <summary>An on-demand environment (AWS_LAMBDA_INITIALIZATION_TYPE=on-demand).</summary>
    public const string OnDemand = "on-demand";

    /// <summary>A provisioned-concurrency environment.</summary>
    public const string ProvisionedConcurrency = "provisioned-concurrency";

    /// <summary>A SnapStart snapshot init.</summary>
    public const string SnapStart = "snap-start";

    /// <summary>Not logged.</summary>
    public const string Unknown = "unknown";

    internal static string Normalise(ReadOnlySpan<char> value) => value.Trim() switch
    {
        "on-demand" => OnDemand,
        "provisioned-concurrency" => ProvisionedConcurrency,
        "snap-start" => SnapStart,
        _ => Unknown,
    };
}
