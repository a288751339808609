namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// One import row of a cold start that is still open, in 24 bytes and without references, so an export whose environments
/// all stay open to its end keeps about a fifth of the memory <see cref="ImportNode"/>s took, and the collector never scans
/// it. When a complete cold start closes, its rows are copied to <see cref="ColdStartRows"/> for the sink. Times above
/// <see cref="uint.MaxValue"/> µs (71 minutes) are kept exactly beside the rows (<see cref="Wide"/>).
/// </summary>
internal struct OpenRow
{
    /// <summary><see cref="Parent"/> of a row no parent row has adopted yet.</summary>
    public const int Waiting = -1;

    /// <summary><see cref="Parent"/> of a root: a row at depth 0, or one whose parent row never came.</summary>
    public const int Root = -2;

    /// <summary>Self time in µs, unless <see cref="Wide"/>.</summary>
    public uint SelfMicros;

    /// <summary>Cumulative time in µs, unless <see cref="Wide"/>.</summary>
    public uint CumulativeMicros;

    /// <summary>The module's id in the parser's <see cref="NameTable"/>.</summary>
    public int Name;

    /// <summary>The row index of the parent, <see cref="Waiting"/> or <see cref="Root"/>.</summary>
    public int Parent;

    /// <summary>Index in the cold start's request ids (<see cref="ForestBuilder.RequestIndex"/>); -1 when none.</summary>
    public int Request;

    private byte _phase;

    public bool Cached;

    /// <summary>A time did not fit 32 bits: both are in the forest's table of wide rows.</summary>
    public bool Wide;

    public ImportPhase Phase
    {
        readonly get => (ImportPhase)_phase;
        set => _phase = (byte)value;
    }
}
