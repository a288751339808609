using ICSharpCode.SharpZipLib;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>A large reusable read buffer over one input; the window [Start, End) holds unconsumed bytes.</summary>
/// <param name="stream">The input, already decompressed when it was gzip.</param>
/// <param name="name">The input's name, for messages.</param>
/// <param name="onBytes">Receives the number of bytes each read brought.</param>
/// <param name="onBroken">Told where a compressed input stopped being readable (it throws unless partial input is allowed).</param>
internal sealed class SourceBuffer(Stream stream, string name, Action<long> onBytes, Action<long, string, Exception>? onBroken = null)
{
    public const int ChunkSize = 1 << 20;

    private readonly Stream _stream = stream;
    private byte[] _buffer = new byte[ChunkSize];
    private long _base;

    public int Start { get; private set; }

    public int End { get; private set; }

    public bool Eof { get; private set; }

    public ReadOnlySpan<byte> Window => _buffer.AsSpan(Start, End - Start);

    public int Capacity => _buffer.Length;

    /// <summary>Offset in the input (decompressed) of the first byte of <see cref="Window"/>.</summary>
    public long Position => _base + Start;

    /// <summary>Receives the bytes each read brings; may be set once the buffer exists (an input read ahead to look at it).</summary>
    public Action<long> OnBytes { get; set; } = onBytes;

    /// <summary>Told where a compressed input broke.</summary>
    public Action<long, string, Exception>? OnBroken { get; set; } = onBroken;

    public void Consume(int count) => Start += count;

    /// <summary>Moves the unconsumed bytes to the front and reads more; doubles the buffer first when it is full.</summary>
    public void Fill(bool grow = false)
    {
        if (Start > 0)
        {
            Buffer.BlockCopy(_buffer, Start, _buffer, 0, End - Start);
            End -= Start;
            _base += Start;
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
            catch (Exception e) when (e is SharpZipBaseException or EndOfStreamException or InvalidDataException)
            {
                // a gzip stream cut off (no footer) or corrupt: what was decompressed so far is all there is
                var reason = e is EndOfStreamException || e.Message.Contains("EOF", StringComparison.Ordinal)
                    ? "the gzip stream is truncated"
                    : $"the gzip stream is corrupt ({e.Message.TrimEnd('.')})";
                (OnBroken ?? throw new LogSourceException($"cannot read '{name}': {reason}", name, _base + End, e))(_base + End, reason, e);
                Eof = true;
                return;
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
            OnBytes(read);
            if (End - Start >= ChunkSize)
            {
                return;
            }
        }
    }

    /// <summary>Drops the window (the caller has dealt with it) without reading.</summary>
    public void DiscardWindow() => Start = End;
}
