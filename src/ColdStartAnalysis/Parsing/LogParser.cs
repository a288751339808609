using ColdStart.Analysis.Parsing.Internal;

namespace ColdStart.Analysis;

/// <summary>Reads exported Lambda logs and <c>-X importtime</c> output into cold starts and invocations.</summary>
public static class LogParser
{
    private const long ProgressStep = 4 << 20;

    /// <summary>
    /// Parses the inputs in order, streaming: each input's shape is detected on its own; lines are not kept.
    /// Never throws on content: bad lines are counted in <see cref="ParseResult.Skipped"/>.
    /// </summary>
    /// <param name="sources">The inputs.</param>
    /// <param name="options">Options; default: <see cref="ParseOptions"/> with every option at its default.</param>
    /// <exception cref="LogSourceException">An input cannot be opened or read.</exception>
    public static ParseResult Parse(IEnumerable<LogSource> sources, ParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        options ??= new ParseOptions();
        var assembler = new LogAssembler(options);
        long total = 0;
        long reported = 0;
        foreach (var source in sources)
        {
            using var stream = Open(source);
            var buffer = new SourceBuffer(stream, source.Name, read =>
            {
                total += read;
                if (total - reported >= ProgressStep)
                {
                    reported = total;
                    options.BytesRead?.Report(total);
                }
            });
            assembler.BeginSource(source.Name);
            var json = InputSniffer.IsJsonDocument(buffer);
            if (json)
            {
                new CloudWatchJsonReader(buffer, assembler).Run();
            }
            else
            {
                LineSplitter.Run(buffer, assembler);
            }

            assembler.EndSource(json);
            options.BytesRead?.Report(total);
        }

        return assembler.Finish(total);
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
