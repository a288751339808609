namespace ColdStart.Constructs;

/// <summary>
/// Thrown at synth time when a ColdStart construct is given a configuration that cannot work.
/// The message names the construct path, the property and the value that was found.
/// </summary>
public sealed class ColdStartConfigurationException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="constructPath">Path of the construct that was misconfigured.</param>
    /// <param name="property">Dotted name of the property, e.g. <c>PreWarming.TargetUtilization</c>.</param>
    /// <param name="value">The value that was found, as text.</param>
    /// <param name="problem">What is wrong and what is expected.</param>
    public ColdStartConfigurationException(string constructPath, string property, string? value, string problem)
        : base($"{constructPath}: `{property}` {problem} Found: {value ?? "(not set)"}.", property)
    {
        _message = $"{constructPath}: `{property}` {problem} Found: {value ?? "(not set)"}.";
        ConstructPath = constructPath;
        Property = property;
        Value = value;
    }

    private readonly string _message;

    /// <summary>The one-line message, exactly as above: <see cref="ArgumentException"/> would append "(Parameter '…')".</summary>
    public override string Message => _message;

    /// <summary>Path of the construct that was misconfigured.</summary>
    public string ConstructPath { get; }

    /// <summary>Dotted name of the property that was misconfigured.</summary>
    public string Property { get; }

    /// <summary>The offending value, as text (null when it was missing).</summary>
    public string? Value { get; }
}
