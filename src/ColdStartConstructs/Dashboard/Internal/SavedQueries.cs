using Amazon.CDK.AWS.Logs;
using Constructs;

namespace ColdStart.Constructs.Dashboard.Internal;

/// <summary>The Logs Insights queries saved in the console (<c>AWS::Logs::QueryDefinition</c>), scoped to the variants' log groups.</summary>
internal static class SavedQueries
{
    public const string TopImportsName = "Top imports by cumulative time";
    public const string PercentilesName = "Cold-start percentiles by variant";
    public const string RateName = "Cold-start rate over time";
    public const string InitsByTypeName = "Profiled inits by type";

    /// <summary>
    /// One definition per question over every variant's log group (so <c>@log</c> puts the variants side by side),
    /// written for the log formats the variants use: one format when they share it, both when they differ.
    /// </summary>
    public static IReadOnlyList<CfnQueryDefinition> Create(Construct scope, string folder, IReadOnlyList<ResolvedVariant> variants)
    {
        string[] logGroupNames = [.. variants.Select(v => v.LogGroupName)];
        var formats = variants.Aggregate((LogFormats)0, (all, v) => all | v.Formats);
        return
        [
            Define(scope, "TopImports", $"{folder}/{TopImportsName}", InsightsQueries.TopImportsByCumulativeTime(), logGroupNames),
            Define(scope, "ColdStartPercentiles", $"{folder}/{PercentilesName}", InsightsQueries.ColdStartPercentilesByVariant(formats), logGroupNames),
            Define(scope, "ColdStartRate", $"{folder}/{RateName}", InsightsQueries.ColdStartRateOverTime(formats), logGroupNames),
            Define(scope, "ProfiledInitsByType", $"{folder}/{InitsByTypeName}", InsightsQueries.ProfiledInitsByType(), logGroupNames),
        ];
    }

    private static CfnQueryDefinition Define(Construct scope, string id, string name, string[] lines, string[] logGroupNames) =>
        new(scope, id, new CfnQueryDefinitionProps
        {
            Name = name,
            QueryString = InsightsQueries.Text(lines),
            LogGroupNames = logGroupNames,
        });
}
