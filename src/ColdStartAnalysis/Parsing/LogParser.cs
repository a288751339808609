using ColdStart.Analysis.Parsing.Internal;

namespace ColdStart.Analysis;

/// <summary>Reads exported Lambda logs and <c>-X importtime</c> output into cold starts and invocations.</summary>
public static class LogParser
{
    private const long ProgressStep = 4 << 20;

    /// <summary>
    /// Parses the inputs, streaming: each input's shape is detected on its own (gzip is decompressed); lines are not kept.
    /// Inputs are read in order of their first event timestamp (those without one first, as given), so overlapping exports
    /// can be deduplicated event by event; an input with the same bytes as an earlier one is skipped whole.
    /// Bad lines are counted in <see cref="ParseResult.Skipped"/>, incomplete cold starts in <see cref="ParseResult.IncompleteColdStarts"/>.
    /// </summary>
    /// <param name="sources">The inputs.</param>
    /// <param name="options">Options; default: <see cref="ParseOptions"/> with every option at its default.</param>
    /// <exception cref="LogSourceException">An input cannot be opened or read; is cut off or corrupt (unless
    /// <see cref="ParseOptions.AllowPartial"/>); is a Logs Insights result; mixes several execution environments without
    /// stream names; or is out of time order. The message is one line with the input's name and the byte offset.</exception>
    public static ParseResult Parse(IEnumerable<LogSource> sources, ParseOptions? options = null)
    {
        var sink = new CollectingSink();
        return Run(sources, options, sink, sink.ColdStarts, () => sink.Invocations);
    }

    /// <summary>
    /// Parses the inputs as <see cref="Parse(IEnumerable{LogSource}, ParseOptions?)"/> does, handing each complete cold start
    /// and each REPORT to <paramref name="sink"/> as soon as it is complete; the result's cold starts and invocations are
    /// what <paramref name="coldStarts"/> and <paramref name="invocations"/> return once every input is read.
    /// </summary>
    internal static ParseResult Run(
        IEnumerable<LogSource> sources, ParseOptions? options, IColdStartSink sink,
        Func<IReadOnlyList<ColdStartProfile>> coldStarts, Func<IReadOnlyList<Invocation>> invocations)
    {
        ArgumentNullException.ThrowIfNull(sources);
        options ??= new ParseOptions();
        var given = sources.ToList();
        using var assembler = new LogAssembler(options, sink);
        long total = 0;
        long progress = 0;
        long reported = 0;
        void Progress(long read)
        {
            progress += read;
            if (progress - reported >= ProgressStep)
            {
                reported = progress;
                options.BytesRead?.Report(progress);
            }
        }

        var plan = PlannedInput.Plan(given, Open);
        var toRead = plan.Where(i => i.DuplicateOf is null).ToList();
        var summaries = new SourceSummary?[given.Count];
        for (var k = 0; k < toRead.Count; k++)
        {
            var input = toRead[k];
            var next = toRead.Skip(k + 1).FirstOrDefault(i => i.FirstMillis is not null)?.FirstMillis ?? long.MaxValue;
            assembler.BeginSource(input.Source.Name, k, input.FirstMillis, next);
            var compressed = input.Compressed;
            using var stream = input.OpenedStream ?? InputStreams.Decompressed(Open(input.Source), out compressed, Progress);
            var buffer = input.Opened ?? new SourceBuffer(stream, input.Source.Name, _ => { });
            if (input.Opened is { } opened)
            {
                // read ahead to look at it; it has no file to count progress on
                total += opened.End;
                Progress(opened.End);
            }

            buffer.OnBytes = read =>
            {
                total += read;
                if (input.Opened is not null)
                {
                    Progress(read);
                }
            };
            buffer.OnBroken = (offset, reason, e) => assembler.OnBrokenInput(offset, reason, e);
            var json = InputSniffer.IsJsonDocument(buffer);
            if (json)
            {
                new CloudWatchJsonReader(buffer, assembler).Run();
            }
            else if (InputSniffer.IsInsightsCsv(buffer.Window))
            {
                throw LogAssembler.InsightsRefusal(input.Source.Name, "CSV with an @message column", 0);
            }
            else
            {
                LineSplitter.Run(buffer, assembler);
            }

            summaries[input.Index] = assembler.EndSource(json, compressed);
            options.BytesRead?.Report(progress);
        }

        foreach (var repeat in plan.Where(i => i.DuplicateOf is not null))
        {
            var original = summaries[repeat.DuplicateOf!.Index]!;
            summaries[repeat.Index] = new SourceSummary(repeat.Source.Name, original.DetectedFormat, 0)
            {
                DuplicateOf = original.Name,
                Compressed = original.Compressed,
            };
        }

        return assembler.Finish(total, summaries.Select(s => s!).ToList(), coldStarts, invocations);
    }

    /// <summary>Parses one input.</summary>
    /// <inheritdoc cref="Parse(IEnumerable{LogSource}, ParseOptions?)"/>
    public static ParseResult Parse(LogSource source, ParseOptions? options = null) => Parse([source], options);

    private static Stream Open(LogSource source)
    {
        try
        {
            return source.Open();
        }
        catch (LogSourceException)
        {
            throw;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LogSourceException($"cannot read '{source.Name}': {e.Message}", e);
        }
    }
}
