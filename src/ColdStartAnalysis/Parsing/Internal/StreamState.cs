namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>What is known about one log stream (execution environment) at the current line.</summary>
internal sealed class StreamState(string name)
{
    public string Name { get; } = name;

    public ColdStartBuilder? Current { get; set; }

    /// <summary>Request between its START and END; null outside requests.</summary>
    public string? OpenRequestId { get; set; }

    /// <summary>An INIT_START arrived: the next import output is a new interpreter.</summary>
    public bool InitStarted { get; set; }

    public string? PendingRuntimeVersion { get; set; }

    public string? PendingInitType { get; set; }
}
