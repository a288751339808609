namespace ColdStart.Analysis;

/// <summary>An input could not be opened or read; the message is one line naming the input.</summary>
public sealed class LogSourceException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public LogSourceException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
