namespace ColdStart.Analysis;

/// <summary>
/// Why a line was not used, or what was wrong with the structure it described.
/// Reasons up to <see cref="DuplicateEvent"/> drop the line; <see cref="OrphanChild"/> and
/// <see cref="InconsistentCumulative"/> are anomalies of an import row that was still kept.
/// </summary>
public enum SkipReason
{
    /// <summary>The line holds a NUL byte or is not valid UTF-8.</summary>
    BinaryData,

    /// <summary>The line holds control characters other than TAB and ESC.</summary>
    Garbage,

    /// <summary>The line is longer than the parser's line limit (1 MiB); it is skipped unread.</summary>
    OverlongLine,

    /// <summary>An <c>import time:</c> line whose fields are cut or not numbers.</summary>
    TruncatedImportLine,

    /// <summary>An <c>import time:</c> line with a second <c>import time:</c> inside it (output of two threads mixed).</summary>
    InterleavedImportLine,

    /// <summary>An importtime header repeated with no import row since the previous one.</summary>
    DuplicateHeader,

    /// <summary>JSON that could not be read: a broken JSON export (its remaining lines), or a Lambda JSON log line that does not parse.</summary>
    MalformedJson,

    /// <summary>A START/END/REPORT/INIT_START/INIT_REPORT line or <c>platform.*</c> record missing its required fields.</summary>
    UnparseablePlatformLine,

    /// <summary>
    /// A line of a log event already read from an earlier input (same stream, timestamp and text): overlapping exports, or the
    /// same events given twice. Dropped so nothing is counted twice.
    /// </summary>
    DuplicateEvent,

    /// <summary>An import row deeper than 0 whose parent row never came; kept as a root.</summary>
    OrphanChild,

    /// <summary>An import row whose cumulative time is less than its self time plus its children's cumulative; kept as printed.</summary>
    InconsistentCumulative,
}
