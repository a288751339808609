namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>A cold start being assembled in one stream.</summary>
internal sealed class ColdStartBuilder(ColdStartProfile profile, long sequence, string? initRequestId)
{
    public ColdStartProfile Profile { get; } = profile;

    /// <summary>Order in which cold starts began, over all streams.</summary>
    public long Sequence { get; } = sequence;

    public ForestBuilder Forest { get; } = new();

    public bool HeaderSeen { get; set; }

    public bool AwaitingFirstReport { get; set; } = true;

    public bool SawStart { get; set; }

    /// <summary>The request that was open when the cold start began: init output logged after START (older console logs).</summary>
    public string? InitRequestId { get; } = initRequestId;

    /// <summary>The <see cref="ParseOptions.SplitAfter"/> line was seen: module-level code is over.</summary>
    public bool MarkerSeen { get; set; }

    /// <summary>Rows logged after START before the marker; Init once the marker shows up, otherwise Unknown.</summary>
    public List<ImportNode> BeforeMarker { get; } = [];
}
