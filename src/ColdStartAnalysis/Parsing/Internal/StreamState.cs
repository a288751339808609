namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>What is known about one log stream (execution environment) at the current line.</summary>
internal sealed class StreamState(string name, bool namedAfterSource)
{
    public string Name { get; } = name;

    /// <summary>The input has no stream names: this "stream" is every line of one input, possibly of several environments.</summary>
    public bool NamedAfterSource { get; } = namedAfterSource;

    public ColdStartBuilder? Current { get; set; }

    /// <summary>Request between its START and END; null outside requests.</summary>
    public string? OpenRequestId { get; set; }

    /// <summary>An INIT_START arrived: the next import output is a new interpreter.</summary>
    public bool InitStarted { get; set; }

    /// <summary>An init is running: from INIT_START (or a cold start begun outside a request) to START, INIT_REPORT or REPORT.</summary>
    public bool InitOpen { get; set; }

    /// <summary>The last INIT_REPORT said error or timeout: Lambda starts the init again, so new interpreter output is expected.</summary>
    public bool InitFailed { get; set; }

    /// <summary>A Lambda platform line was seen in this stream.</summary>
    public bool SawPlatform { get; set; }

    /// <summary>A request ended (END or REPORT) in this stream.</summary>
    public bool ServedRequests { get; set; }

    /// <summary>Rows now belong to a child Python process (from its header to the end of the phase); null otherwise.</summary>
    public ChildBlock? Child { get; set; }

    public string? PendingRuntimeVersion { get; set; }

    public string? PendingInitType { get; set; }

    /// <summary>Latest event timestamp (Unix ms) read in this stream; long.MinValue before any.</summary>
    public long LastMillis { get; set; } = long.MinValue;

    /// <summary>The latest timestamp earlier inputs reached in this stream (events up to it may be duplicates).</summary>
    public long EarlierInputsLastMillis { get; set; } = long.MinValue;

    /// <summary>The input that last had a line of this stream.</summary>
    public SourceState? LastSource { get; set; }

    /// <summary>The input (in reading order) that last had a timestamped line of this stream.</summary>
    public int Input { get; set; } = -1;
}

/// <summary>A child process's output inside a stream: who it is credited to.</summary>
/// <param name="Owner">The cold start (parent interpreter) running when the child's header came; null when none was seen.</param>
internal sealed record ChildBlock(ColdStartBuilder? Owner);
