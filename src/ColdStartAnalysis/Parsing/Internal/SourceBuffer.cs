namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>A large reusable read buffer over one input; the window [Start, End) holds unconsumed bytes.</summary>
internal sealed class SourceBuffer(Stream stream, string name, Action<long> onBytes)
{
    public const int ChunkSize = 1 << 20;

    private readonly Stream _stream = stream;
    private byte[] _buffer = new byte[ChunkSize];

    public int Start { get; private set; }

    public int End { get; private set; }

    public bool Eof { get; private set; }

    public ReadOnlySpan<byte> Window => _buffer.AsSpan(Start, End - Start);

    public int Capacity => _buffer.Length;

    public void Consume(int count) => Start += count;

    /// <summary>Moves the unconsumed bytes to the front and reads more; doubles the buffer first when it is full.</summary>
    public void Fill(bool grow = false)
    {
        if (Start > 0)
        {
            Buffer.BlockCopy(_buffer, Start, _buffer, 0, End - Start);
            End -= Start;
            Start = 0;
        }

        if (grow || End == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        while (End < _buffer.Length)
        {
            int read;
            try
            {
                read = _stream.Read(_buffer, End, _buffer.Length - End);
            }
            catch (IOException e)
            {
                throw new LogSourceException($"cannot read '{name}': {e.Message}", e);
            }

            if (read == 0)
            {
                Eof = true;
                return;
            }

            End += read;
            onBytes(read);
            if (End - Start >= ChunkSize)
            {
                return;
            }
        }
    }

    /// <summary>Drops the window (the caller has dealt with it) without reading.</summary>
    public void DiscardWindow() => Start = End;
}
