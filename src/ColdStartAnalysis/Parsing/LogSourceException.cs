namespace ColdStart.Analysis;

/// <summary>
/// An input could not be opened or read, is cut or corrupt, or cannot be analysed as it is (e.g. several execution
/// environments without stream names); the message is one line naming the input, and the byte offset when there is one.
/// </summary>
public sealed class LogSourceException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public LogSourceException(string message, Exception? inner = null) : base(message, inner)
    {
    }

    /// <summary>Creates the exception for a problem at a place in an input.</summary>
    public LogSourceException(string message, string sourceName, long? byteOffset, Exception? inner = null) : base(message, inner)
    {
        SourceName = sourceName;
        ByteOffset = byteOffset;
    }

    /// <summary>The input's name; null when the problem is not tied to one input.</summary>
    public string? SourceName { get; }

    /// <summary>Offset in the input's bytes (decompressed, for .gz) where the problem is; null when it has no place.</summary>
    public long? ByteOffset { get; }
}
