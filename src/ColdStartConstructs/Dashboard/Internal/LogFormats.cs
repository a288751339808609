namespace ColdStart.Constructs.Dashboard.Internal;

/// <summary>Which of Lambda's log formats a variant's platform lines may come in; the queries read exactly these.</summary>
[Flags]
internal enum LogFormats
{
    /// <summary><c>REPORT RequestId: …</c> lines (Lambda's default), read through Logs Insights' <c>@type</c>, <c>@initDuration</c>….</summary>
    Text = 1,

    /// <summary><c>{"type": "platform.report", "record": {"metrics": {…}}}</c> records, read through their JSON fields.</summary>
    Json = 2,

    /// <summary>Unknown at synth (an imported function, or a format that is a token): queries that read either.</summary>
    Both = Text | Json,
}
