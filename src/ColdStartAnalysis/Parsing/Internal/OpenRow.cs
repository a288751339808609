namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// One import row of a cold start that is still open, in 32 bytes and without references, so an export whose environments
/// all stay open to its end keeps about a quarter of the memory <see cref="ImportNode"/>s took, and the collector never
/// scans it. When a complete cold start closes, its rows are copied to <see cref="ColdStartRows"/> for the sink.
/// </summary>
internal struct OpenRow
{
    /// <summary><see cref="Parent"/> of a row no parent row has adopted yet.</summary>
    public const int Waiting = -1;

    /// <summary><see cref="Parent"/> of a root: a row at depth 0, or one whose parent row never came.</summary>
    public const int Root = -2;

    public long SelfMicros;

    public long CumulativeMicros;

    /// <summary>The module's id in the parser's <see cref="NameTable"/>.</summary>
    public int Name;

    /// <summary>The row index of the parent, <see cref="Waiting"/> or <see cref="Root"/>.</summary>
    public int Parent;

    /// <summary>Index in the cold start's request ids (<see cref="ForestBuilder.RequestIndex"/>); -1 when none.</summary>
    public int Request;

    public ImportPhase Phase;

    public bool Cached;
}
