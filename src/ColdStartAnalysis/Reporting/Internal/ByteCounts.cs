namespace ColdStart.Analysis.Reporting.Internal;

/// <summary>
/// The counts of a histogram's distinct values, one byte each: most distinct values are seen a few times, so a count
/// below 255 is the byte itself, and 255 marks a count kept beside, by the value it counts (so moving a byte with its
/// value keeps it right). Both <see cref="CountedHistogram{T}"/> and <see cref="PackedIntHistogram"/> keep their counts here.
/// </summary>
/// <typeparam name="TKey">The histogram's value.</typeparam>
internal struct ByteCounts<TKey>
    where TKey : notnull
{
    private const byte Large = byte.MaxValue;

    private byte[] _bytes;
    private Dictionary<TKey, int>? _large;

    public ByteCounts() => _bytes = [];

    /// <summary>Makes room for <paramref name="capacity"/> counts, keeping those there.</summary>
    public void Resize(int capacity) => Array.Resize(ref _bytes, capacity);

    /// <summary>The count at <paramref name="index"/>, of <paramref name="value"/>.</summary>
    public readonly int Get(int index, TKey value) => _bytes[index] < Large ? _bytes[index] : _large![value];

    /// <summary>Sets the count at <paramref name="index"/>, of <paramref name="value"/>.</summary>
    public void Set(int index, TKey value, int count)
    {
        if (count < Large)
        {
            _bytes[index] = (byte)count;
            return;
        }

        _bytes[index] = Large;
        (_large ??= [])[value] = count;
    }

    /// <summary>Moves a count with its value from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public readonly void Move(int from, int to) => _bytes[to] = _bytes[from];
}
