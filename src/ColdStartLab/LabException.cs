namespace ColdStart.Lab;

/// <summary>
/// Input the lab cannot work with — a missing interpreter, an unreadable event or preload log, a function whose
/// code cannot be put in place — with a one-line message naming the file or option and what to do.
/// </summary>
public class LabException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LabException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public LabException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
