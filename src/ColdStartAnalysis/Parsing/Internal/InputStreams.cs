using ICSharpCode.SharpZipLib.GZip;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// Opens an input's bytes as log text: gzip (magic bytes 1f 8b, as CloudWatch Logs exports to S3 write) is decompressed on
/// the fly, concatenated members included, and anything else is passed through.
/// </summary>
/// <remarks>
/// SharpZipLib's <see cref="GZipInputStream"/> rather than System.IO.Compression's GZipStream: GZipStream returns a cut-off
/// stream's data as if it were whole (no footer, CRC or length check), which would turn an interrupted download into a
/// confident partial answer; SharpZipLib checks every member's footer and throws on a cut or corrupt stream.
/// </remarks>
internal static class InputStreams
{
    /// <param name="raw">The input's bytes.</param>
    /// <param name="compressed">Whether they were gzip.</param>
    /// <param name="onRawBytes">Receives how many of the input's own bytes each read consumed (progress over file sizes).</param>
    public static Stream Decompressed(Stream raw, out bool compressed, Action<long>? onRawBytes = null)
    {
        var head = new byte[2];
        var count = raw.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        var replayed = new PrefixedStream(head.AsSpan(0, count).ToArray(), raw, onRawBytes);
        compressed = count == 2 && head[0] == 0x1f && head[1] == 0x8b;
        return compressed ? new GZipInputStream(replayed) { IsStreamOwner = true } : replayed;
    }

    /// <summary>A read-only stream that gives back bytes already read from the front of another, then the rest of it.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest, Action<long>? onRead) : Stream
    {
        private int _offset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_offset < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _offset);
                prefix.AsSpan(_offset, n).CopyTo(buffer);
                _offset += n;
                onRead?.Invoke(n);
                return n;
            }

            var read = rest.Read(buffer);
            onRead?.Invoke(read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
