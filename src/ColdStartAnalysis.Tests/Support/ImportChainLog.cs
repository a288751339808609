using System.Text;

namespace ColdStart.Analysis.Tests.Support;

/// <summary>
/// CPython's output for a chain m0 → m1 → … → m9999: the deepest module finishes first, each row indented 2 spaces per
/// level, each cumulative = its own self time + its child's. Generated line by line (the indentation alone is ~100 MB).
/// </summary>
internal sealed class ImportChainLog : Stream
{
    private readonly int _levels;
    private readonly long _self;
    private int _next;
    private byte[] _pending;
    private int _offset;

    public ImportChainLog(int levels, long selfMicros)
    {
        _levels = levels;
        _self = selfMicros;
        _next = levels - 1;
        _pending = Encoding.UTF8.GetBytes(ImportTimeText.Header + "\n");
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_offset == _pending.Length)
        {
            if (_next < 0)
            {
                return 0;
            }

            var depth = _next--;
            _pending = Encoding.UTF8.GetBytes(ImportTimeText.Row(_self, _self * (_levels - depth), depth, $"m{depth}") + "\n");
            _offset = 0;
        }

        var n = Math.Min(count, _pending.Length - _offset);
        Array.Copy(_pending, _offset, buffer, offset, n);
        _offset += n;
        return n;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
