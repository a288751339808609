using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;

namespace ColdStart.Constructs.Dashboard.Internal;

/// <summary>
/// Where the widgets go: one column per variant, one row per question, the same order in every column so the
/// variants line up side by side. Metrics and queries come from <see cref="LambdaMetrics"/>,
/// <see cref="CostExpression"/> and <see cref="InsightsQueries"/>.
/// </summary>
internal static class DashboardLayout
{
    /// <summary>Width of the CloudWatch dashboard grid.</summary>
    public const int GridWidth = 24;

    /// <summary>Narrowest column; with <see cref="MaxVariants"/> columns the grid is full.</summary>
    public const int MinColumnWidth = 4;

    /// <summary>Most variants side by side.</summary>
    public const int MaxVariants = GridWidth / MinColumnWidth;

    public const int IntroHeight = 2;
    public const int HeaderHeight = 3;
    public const int GraphHeight = 6;
    public const int TableHeight = 5;
    public const int ImportTableHeight = 9;

    public static int ColumnWidth(int variants) => Math.Max(MinColumnWidth, GridWidth / Math.Max(1, variants));

    public static IEnumerable<IWidget[]> Rows(IReadOnlyList<ResolvedVariant> variants, PriceTable prices, Duration period)
    {
        var width = ColumnWidth(variants.Count);
        IWidget[] Row(Func<ResolvedVariant, IWidget> widget) => variants.Select(widget).ToArray();

        yield return [new TextWidget(new TextWidgetProps
        {
            Markdown = "## ColdStart comparison\nOne column per variant. Cold starts, INIT and imports come from the logs (Logs Insights); " +
                "duration, concurrency and cost from Lambda's metrics. How to read it: docs/comparison.md.",
            Width = GridWidth,
            Height = IntroHeight,
        })];
        yield return Row(v => new TextWidget(new TextWidgetProps { Markdown = Header(v), Width = width, Height = HeaderHeight }));
        yield return Row(v => Graph(v, "Invocations, errors, throttles", width,
            LambdaMetrics.Invocations(v, period), LambdaMetrics.Errors(v, period), LambdaMetrics.Throttles(v, period)));
        yield return Row(v => Query(v, "Cold starts (REPORT lines with Init Duration)", width, GraphHeight,
            InsightsQueries.ColdStarts(v.Formats), LogQueryVisualizationType.LINE));
        yield return Row(v => Query(v, "Init Duration (ms) and its cost", width, TableHeight,
            InsightsQueries.InitDuration(v.Formats, prices.OnDemandPerMillisecond(v)), LogQueryVisualizationType.TABLE));
        if (variants.Any(v => v.SnapStart))
        {
            yield return Row(v => v.SnapStart
                ? Query(v, "SnapStart restores: Restore Duration (ms) and cost", width, TableHeight,
                    InsightsQueries.RestoreDuration(v.Formats, prices.OnDemandPerMillisecond(v), prices.PerRestore(v)), LogQueryVisualizationType.TABLE)
                : new TextWidget(new TextWidgetProps
                {
                    Markdown = $"**{v.Label} · SnapStart restores**\n\nNone: this variant does not use SnapStart, so its new environments run INIT instead of restoring.",
                    Width = width,
                    Height = TableHeight,
                }));
        }

        yield return Row(v => Graph(v, "Duration p50 / p90 / p99 (ms)", width,
            LambdaMetrics.Duration(v, "p50", period), LambdaMetrics.Duration(v, "p90", period), LambdaMetrics.Duration(v, "p99", period)));
        yield return Row(v => Graph(v, "Concurrent executions", width, LambdaMetrics.ConcurrentExecutions(v, period)));
        yield return Row(v => v.IsProvisioned && v.AliasName is not null
            ? new GraphWidget(new GraphWidgetProps
            {
                Title = $"{v.Label} · Provisioned concurrency",
                Left = [LambdaMetrics.ProvisionedConcurrencyUtilization(v, period)],
                Right = [LambdaMetrics.ProvisionedConcurrencyInvocations(v, period), LambdaMetrics.ProvisionedConcurrencySpilloverInvocations(v, period)],
                LeftYAxis = new YAxisProps { Min = 0, Max = 1, Label = "Utilisation" },
                RightYAxis = new YAxisProps { Min = 0, Label = "Invocations" },
                Width = width,
                Height = GraphHeight,
            })
            : new TextWidget(new TextWidgetProps
            {
                Markdown = $"**{v.Label} · Provisioned concurrency**\n\nNone: every environment of this variant starts on demand (or restores from a SnapStart snapshot).",
                Width = width,
                Height = GraphHeight,
            }));
        yield return Row(v => new GraphWidget(new GraphWidgetProps
        {
            Title = $"{v.Label} · Estimated cost per {CostExpression.PeriodLabel} (USD, {(v.SnapStart ? "INIT and restores" : "INIT")} excluded)",
            Left = [CostExpression.For(v, prices)],
            LeftYAxis = new YAxisProps { Min = 0, Label = "USD", ShowUnits = false },
            Width = width,
            Height = GraphHeight,
        }));
        yield return Row(v => Query(v, "Slowest imports across cold starts (µs)", width, ImportTableHeight,
            InsightsQueries.SlowestImports(), LogQueryVisualizationType.TABLE));
        yield return Row(v => Query(v, "Imports around invocations (START/END in stream order)", width, ImportTableHeight,
            InsightsQueries.ImportsAroundInvocations(v.Formats), LogQueryVisualizationType.TABLE));
    }

    private static string Header(ResolvedVariant v)
    {
        var qualifier = v.AliasName is null ? "" : $" · alias `{v.AliasName}`";
        var prewarm = v.IsProvisioned ? $" · {PlainNumber.Format(v.ProvisionedConcurrency)} provisioned" : "";
        var snapStart = v.SnapStart ? " · SnapStart" : "";
        var logs = v.Formats switch
        {
            LogFormats.Text => "text logs",
            LogFormats.Json => "JSON logs",
            _ => "text or JSON logs",
        };
        var description = v.Description is null ? "" : $"\n\n{v.Description}";
        return $"### {v.Label}\n`{v.FunctionName}`{qualifier} · {PlainNumber.Format(v.MemorySize)} MB · {v.Architecture.Name}{prewarm}{snapStart} · {logs}{description}";
    }

    private static GraphWidget Graph(ResolvedVariant v, string title, int width, params IMetric[] metrics) => new(new GraphWidgetProps
    {
        Title = $"{v.Label} · {title}",
        Left = metrics,
        LeftYAxis = new YAxisProps { Min = 0 },
        Width = width,
        Height = GraphHeight,
    });

    private static LogQueryWidget Query(ResolvedVariant v, string title, int width, int height, string[] lines, LogQueryVisualizationType view) => new(new LogQueryWidgetProps
    {
        Title = $"{v.Label} · {title}",
        LogGroupNames = [v.LogGroupName],
        QueryLines = lines,
        View = view,
        Width = width,
        Height = height,
    });
}
