namespace ColdStart.Cli.Internal;

/// <summary>A problem the user can fix; its one-line message is printed and the command exits with 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
