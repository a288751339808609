namespace ColdStart.Lab;

/// <summary>Where <see cref="Preload"/> takes its modules from.</summary>
public enum PreloadMode
{
    /// <summary>The runtime client's imports for the function's runtime, from awslambdaric's source.</summary>
    Auto,

    /// <summary>Nothing is preloaded.</summary>
    None,

    /// <summary>The imports a real cold start made before the handler module, from an exported log.</summary>
    FromLog,
}
