namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// Storage for the <see cref="OpenRow"/>s of the open cold starts of one parse, in blocks of 16 rows carved from slabs of
/// 4,096 (96 KiB) allocated on the pinned object heap: a cold start takes blocks as its rows come and gives them back when
/// it closes. Rows that stay alive for the whole input (every environment of a Lambda export is open to its end) are then
/// never copied between generations by the collector, nor counted as young survivors that make it grow the young
/// generation's budget, whatever the large-object threshold (the tool raises it, see ColdStartCli.csproj); a parse holds
/// as many slabs as its open cold starts needed at most.
/// </summary>
internal sealed class RowChunkPool
{
    /// <summary>Rows in a block (384 bytes): a typical cold start of ~130 rows wastes a few percent.</summary>
    public const int Bits = 4;

    public const int Size = 1 << Bits;

    public const int Mask = Size - 1;

    private const int BlocksPerSlabBits = 8;

    private readonly List<OpenRow[]> _slabs = [];
    private readonly Stack<int> _free = new();

    /// <summary>Blocks rented and not given back.</summary>
    public int BlocksInUse { get; private set; }

    /// <summary>A free block's id.</summary>
    public int Rent()
    {
        BlocksInUse++;
        if (_free.Count == 0)
        {
            var slab = _slabs.Count;
            _slabs.Add(GC.AllocateArray<OpenRow>(Size << BlocksPerSlabBits, pinned: true));
            for (var block = (1 << BlocksPerSlabBits) - 1; block >= 0; block--)
            {
                _free.Push((slab << BlocksPerSlabBits) | block);
            }
        }

        return _free.Pop();
    }

    public void Return(int block)
    {
        BlocksInUse--;
        _free.Push(block);
    }

    /// <summary>The rows of a block.</summary>
    public Span<OpenRow> Block(int block) =>
        _slabs[block >> BlocksPerSlabBits].AsSpan((block & ((1 << BlocksPerSlabBits) - 1)) << Bits, Size);

    /// <summary>Row <paramref name="row"/> (0 to <see cref="Size"/> - 1) of a block.</summary>
    public ref OpenRow Row(int block, int row) =>
        ref _slabs[block >> BlocksPerSlabBits][((block & ((1 << BlocksPerSlabBits) - 1)) << Bits) | row];
}
