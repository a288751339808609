namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// Fixed-size blocks of <see cref="OpenRow"/>s shared by the open cold starts of one parse: a cold start takes blocks as its
/// rows come and gives them back when it closes, so a parse touches about as much row memory as its open cold starts
/// need at once, and nothing is copied as a cold start grows.
/// </summary>
internal sealed class RowChunkPool
{
    /// <summary>Rows in a block (2 KiB): small enough that a typical cold start of ~130 rows wastes little.</summary>
    public const int Bits = 6;

    public const int Size = 1 << Bits;

    public const int Mask = Size - 1;

    private readonly Stack<OpenRow[]> _free = new();

    public OpenRow[] Rent() => _free.Count > 0 ? _free.Pop() : new OpenRow[Size];

    public void Return(OpenRow[] chunk) => _free.Push(chunk);
}
