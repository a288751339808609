namespace ColdStart.Analysis;

/// <summary>Reads exported Lambda logs and <c>-X importtime</c> output into cold starts and invocations.</summary>
public static class LogParser
{
    /// <summary>
    /// Parses the inputs in order, streaming: each input's shape is detected on its own; lines are not kept.
    /// Never throws on content: bad lines are counted in <see cref="ParseResult.Skipped"/>.
    /// </summary>
    /// <param name="sources">The inputs.</param>
    /// <param name="options">Options; default: <see cref="ParseOptions"/> with every option at its default.</param>
    /// <exception cref="LogSourceException">An input cannot be opened or read.</exception>
    public static ParseResult Parse(IEnumerable<LogSource> sources, ParseOptions? options = null) =>
        throw new NotImplementedException("parser lands in the next commit");
}
