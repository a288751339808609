using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;

namespace ColdStart.Constructs.Dashboard.Internal;

/// <summary>What a function's logging configuration tells the dashboard, read when the dashboard is created.</summary>
/// <param name="Formats">The log formats its platform lines may come in.</param>
/// <param name="SystemLogLevel">Its system log level (<c>DEBUG</c>, <c>INFO</c>, <c>WARN</c>); null when not set or not known.</param>
internal sealed record FunctionLogging(LogFormats Formats, string? SystemLogLevel)
{
    /// <summary>
    /// With <c>SystemLogLevel = WARN</c> Lambda sends no INFO-level system logs, and its start and report records are
    /// INFO (docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html).
    /// </summary>
    public bool HidesReports => SystemLogLevel == "WARN";

    public static FunctionLogging Of(IFunction function, LoggingFormat? declared)
    {
        var config = ConfigOf(function);
        var formats = declared is { } format ? Of(format)
            : config is null ? LogFormats.Both
            : config.Count == 0 ? LogFormats.Text
            : config.TryGetValue("logFormat", out var logFormat) ? logFormat switch
            {
                "JSON" => LogFormats.Json,
                "Text" => LogFormats.Text,
                _ => LogFormats.Both,
            }
            : LogFormats.Text;
        return new FunctionLogging(formats, config is not null && config.TryGetValue("systemLogLevel", out var level) ? level as string : null);
    }

    public static LogFormats Of(LoggingFormat format) => format == LoggingFormat.JSON ? LogFormats.Json : LogFormats.Text;

    /// <summary>
    /// The function's <c>LoggingConfig</c> as CloudFormation will see it: empty when unset (Lambda's defaults), null when
    /// it cannot be known at synth (an imported function, or a configuration that is itself a token).
    /// </summary>
    private static IDictionary<string, object>? ConfigOf(IFunction function)
    {
        if (function is not Function { Node.DefaultChild: CfnFunction cfn })
        {
            return null;
        }

        if (cfn.LoggingConfig is not { } config)
        {
            return new Dictionary<string, object>();
        }

        return Stack.Of(cfn).Resolve(config) is IDictionary<string, object> resolved
            && !resolved.Keys.Any(k => k == "Ref" || k.StartsWith("Fn::", StringComparison.Ordinal))
            ? resolved
            : null;
    }
}
