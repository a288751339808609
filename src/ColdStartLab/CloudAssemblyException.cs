namespace ColdStart.Lab;

/// <summary>A cloud assembly (cdk.out) that cannot be read; the message is one line naming the file and what is wrong.</summary>
public sealed class CloudAssemblyException : LabException
{
    /// <summary>Creates the exception.</summary>
    public CloudAssemblyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public CloudAssemblyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
