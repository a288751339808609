namespace ColdStart.Bench;

/// <summary>One timed parse.</summary>
internal sealed record Measurement(double Seconds, double MiBPerSecond, double ThreadCpuSeconds, double ProcessCpuSeconds, double GcPauseSeconds,
    string Collections, int ColdStarts, int Invocations, long Lines, long Skipped, long KeptBytes, long PeakWorkingSet);
