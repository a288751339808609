namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>A cold start being assembled in one stream.</summary>
internal sealed class ColdStartBuilder(ColdStartProfile profile, long sequence, string? initRequestId, SourceState source, bool knownStart, RowChunkPool rows)
{
    public ColdStartProfile Profile { get; } = profile;

    /// <summary>Order in which cold starts began, over all streams.</summary>
    public long Sequence { get; } = sequence;

    public ForestBuilder Forest { get; } = new(rows);

    public bool HeaderSeen { get; set; }

    public bool WrapperSeen { get; set; }

    public bool AwaitingFirstReport { get; set; } = true;

    public bool SawStart { get; set; }

    /// <summary>The request that was open when the cold start began: init output logged after START (older console logs).</summary>
    public string? InitRequestId { get; } = initRequestId;

    /// <summary>The request of the first invocation: <see cref="InitRequestId"/>, or the first START after the cold start began.</summary>
    public string? FirstRequestId { get; set; } = initRequestId;

    /// <summary>The <see cref="ParseOptions.SplitAfter"/> line was seen: module-level code is over.</summary>
    public bool MarkerSeen { get; set; }

    /// <summary>Rows (indices in <see cref="Forest"/>) logged after START before the marker; Init once the marker shows up,
    /// otherwise Unknown.</summary>
    public List<int> BeforeMarker { get; } = [];

    /// <summary>The input it began in; whether that input has Lambda platform lines decides if its init must be seen ending.</summary>
    public SourceState Source { get; } = source;

    /// <summary>It began at an importtime header, the wrapper's line or after INIT_START: nothing of it came before the input.</summary>
    public bool KnownStart { get; } = knownStart;

    /// <summary>A START, END, REPORT or INIT_REPORT came after it began: its init block ended inside the input.</summary>
    public bool InitEnded { get; set; }

    /// <summary>
    /// Once a child process has printed into its stream: the modules this interpreter imported (ids in the parser's
    /// <see cref="NameTable"/>). A process imports a module once, so a later row naming one of them is a child's (e.g. a
    /// resource tracker still starting after END).
    /// </summary>
    public HashSet<int>? ParentModules { get; set; }

    /// <summary>Why its profile is visibly incomplete, once known; null while it looks complete.</summary>
    public IncompleteReason? Incomplete { get; set; }
}

/// <summary>One input, as far as the cold starts that began in it need to know.</summary>
internal sealed class SourceState(string name)
{
    public string Name { get; } = name;

    /// <summary>A Lambda platform line or record was read from this input (so far).</summary>
    public bool SawPlatform { get; set; }
}
