namespace ColdStart.Cli.Internal;

/// <summary>
/// Several reads reporting bytes at once (each its own running total), shown as one total on one progress report; safe
/// to report from several threads.
/// </summary>
internal sealed class SummedProgress(IProgress<long>? total, int parts)
{
    private readonly long[] _parts = new long[parts];
    private readonly object _lock = new();

    /// <summary>The progress of part <paramref name="index"/>.</summary>
    public IProgress<long> Part(int index) => new PartProgress(this, index);

    private void Report(int index, long value)
    {
        lock (_lock)
        {
            _parts[index] = value;
            total?.Report(_parts.Sum());
        }
    }

    private sealed class PartProgress(SummedProgress owner, int index) : IProgress<long>
    {
        public void Report(long value) => owner.Report(index, value);
    }
}
