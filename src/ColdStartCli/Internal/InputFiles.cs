using ColdStart.Analysis;

namespace ColdStart.Cli.Internal;

/// <summary>Turns FILE arguments into log sources and parses them, with a progress bar when it helps.</summary>
internal static class InputFiles
{
    /// <summary>Inputs smaller than this parse in well under a second: no progress bar.</summary>
    private const long ProgressBarThresholdBytes = 32L << 20;

    /// <summary>Checks every path up front so a typo fails before minutes of parsing.</summary>
    public static IReadOnlyList<LogSource> Open(IReadOnlyList<string> paths, CliConsole console)
    {
        if (paths.Count == 0)
        {
            throw new UsageException("no input given: expected one or more log files, or - for standard input.");
        }

        if (paths.Count(p => p == "-") > 1)
        {
            throw new UsageException("- (standard input) can be given only once.");
        }

        return paths.Select(path =>
        {
            if (path == "-")
            {
                return new LogSource("-", console.OpenStdin);
            }

            if (Directory.Exists(path))
            {
                throw new UsageException($"'{path}' is a directory: expected a log file (exported Lambda logs or python -X importtime output).");
            }

            if (!File.Exists(path))
            {
                throw new UsageException($"cannot read '{path}': no such file (expected a log file, or - for standard input).");
            }

            return LogSource.FromFile(path);
        }).ToList();
    }

    /// <summary>
    /// The one line that says why no cold start can be reported: none found, or all of them incomplete (by reason).
    /// </summary>
    public static string NoProfileMessage(IReadOnlyList<string> paths, ReportSummary summary)
    {
        var files = string.Join(", ", paths);
        var incomplete = summary.IncompleteColdStarts;
        return incomplete.Total == 0
            ? $"no import-time profile in {files} ({Format.Count(summary.LinesRead)} lines read): expected `import time:` lines from python -X importtime, as raw stderr or inside exported Lambda logs."
            : $"no complete import-time profile in {files}: {incomplete.Total} cold start{(incomplete.Total == 1 ? " was" : "s were")} cut off ({string.Join(", ", incomplete.NonZero.Select(r => $"{Rendering.Internal.Labels.IncompleteReasonText(r.Reason)} {r.Count}"))}); export a time range that holds whole cold starts (from INIT_START to the first REPORT).";
    }

    /// <summary>
    /// Reads every strategy's logs for <c>compare</c>, each in one streaming pass, strategies side by side on as many
    /// threads as there are processors, with one progress bar for all of them. Every path is checked first; when reads
    /// fail, the first strategy's failure (in the order given) is what is thrown, as when they were read one by one.
    /// </summary>
    public static IReadOnlyList<Analysis.Comparison.StrategyLogs> Strategies(
        IReadOnlyList<(string Name, IReadOnlyList<string> Files)> strategies, ParseOptions options, CliConsole console)
    {
        var sources = strategies.Select(s => Open(s.Files, console)).ToList();
        return WithProgress(strategies.SelectMany(s => s.Files).ToList(), options, console, o =>
        {
            var progress = new SummedProgress(o.BytesRead, strategies.Count);
            var results = new Analysis.Comparison.StrategyLogs?[strategies.Count];
            var failures = new Exception?[strategies.Count];
            Parallel.For(0, strategies.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                try
                {
                    results[i] = Analysis.Comparison.StrategyLogs.Read(
                        strategies[i].Name, sources[i], WithBytesRead(o, o.BytesRead is null ? null : progress.Part(i)));
                }
                catch (Exception e)
                {
                    failures[i] = e;
                }
            });

            if (failures.FirstOrDefault(f => f is not null) is { } failure)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }

            return results.Select(r => r!).ToList();
        });
    }

    /// <summary>Parses the sources and builds the report in one streaming pass; a progress bar is drawn on stderr only for
    /// large files and a terminal.</summary>
    public static ImportTimeReport Report(
        IReadOnlyList<string> paths, IReadOnlyList<LogSource> sources, ParseOptions options, ReportOptions reportOptions, CliConsole console) =>
        WithProgress(paths, options, console, o => ImportTimeReport.Read(sources, o, reportOptions));

    private static T WithProgress<T>(IReadOnlyList<string> paths, ParseOptions options, CliConsole console, Func<ParseOptions, T> read)
    {
        var totalBytes = paths.Where(p => p != "-").Sum(p => new FileInfo(p).Length);
        if (console.IsErrorRedirected || totalBytes < ProgressBarThresholdBytes)
        {
            return read(options);
        }

        using var bar = new ProgressBar(console.Error, totalBytes);
        return read(WithBytesRead(options, bar));
    }

    /// <summary>The same options, with progress reported to <paramref name="progress"/>.</summary>
    private static ParseOptions WithBytesRead(ParseOptions options, IProgress<long>? progress) => new()
    {
        SplitAfter = options.SplitAfter,
        HandlerModule = options.HandlerModule,
        AllowPartial = options.AllowPartial,
        BytesRead = progress,
    };
}
