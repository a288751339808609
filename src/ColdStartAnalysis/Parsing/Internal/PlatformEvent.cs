namespace ColdStart.Analysis.Parsing.Internal;

internal enum PlatformKind
{
    InitStart,
    Start,
    End,
    Report,
    InitReport,
}

/// <summary>A Lambda platform line (text) or <c>platform.*</c> record (JSON), reduced to what the model needs.</summary>
/// <remarks><c>InitFailed</c>: an INIT_REPORT whose status is <c>error</c> or <c>timeout</c>; Lambda then starts the init again.</remarks>
internal readonly record struct PlatformEvent(
    PlatformKind Kind,
    string? RequestId = null,
    string? RuntimeVersion = null,
    string? InitType = null,
    ReportMetrics? Report = null,
    double? InitDurationMs = null,
    DateTimeOffset? Time = null,
    bool InitFailed = false);
