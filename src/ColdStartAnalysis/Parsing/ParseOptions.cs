using System.Text.RegularExpressions;

namespace ColdStart.Analysis;

/// <summary>Options for <see cref="LogParser"/>.</summary>
public sealed class ParseOptions
{
    /// <summary>
    /// A line of the function's own output that marks the end of module-level code. Used only where the
    /// log itself cannot tell init from invoke: when init output was logged after START (older console logs),
    /// imports before the first matching line are init, those after it invoke. Default: null (such imports are
    /// reported with phase <see cref="ImportPhase.Unknown"/>, never guessed).
    /// </summary>
    public Regex? SplitAfter { get; init; }

    /// <summary>
    /// The handler's module (e.g. <c>app.handler</c> or <c>lambda_function</c>); its top-level package is classed as
    /// <see cref="ModuleClass.User"/>. Default: null (no module is classed as user code).
    /// </summary>
    public string? HandlerModule { get; init; }

    /// <summary>
    /// Go on when an input breaks before its end (a JSON document cut off or corrupt, a truncated or corrupt gzip stream):
    /// what came before the break is used, the input is marked <see cref="SourceSummary.Partial"/>, and cold starts cut by
    /// the break are left out as incomplete. Default: false (<see cref="LogParser.Parse(IEnumerable{LogSource}, ParseOptions?)"/>
    /// throws <see cref="LogSourceException"/> with the byte offset).
    /// </summary>
    public bool AllowPartial { get; init; }

    /// <summary>Receives the total bytes read so far, about every 4 MiB and at the end of each input. Default: null.</summary>
    public IProgress<long>? BytesRead { get; init; }
}
