namespace ColdStart.Analysis;

/// <summary>What <see cref="ImportTimeReport.Build"/> and <see cref="ImportTimeReport.Read"/> put in the report.</summary>
public sealed class ReportOptions
{
    /// <summary>How many modules the top lists hold. Default: 20.</summary>
    public int Top { get; init; } = 20;

    /// <summary>Deepest tree level shown (roots are depth 0). Default: null (all levels).</summary>
    public int? MaxDepth { get; init; }

    /// <summary>Tree nodes whose median cumulative time is below this many milliseconds are left out, with their subtrees. Default: 0.</summary>
    public double MinMs { get; init; }

    /// <summary>
    /// Only tree nodes whose name starts with this text (ordinal), with their subtrees and the ancestors that lead to
    /// them. Default: null (every module).
    /// </summary>
    public string? ModulePrefix { get; init; }

    internal void Validate()
    {
        if (Top < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Top), Top, $"`{nameof(Top)}` must be 0 or more. Found {Top}.");
        }

        if (MaxDepth < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDepth), MaxDepth, $"`{nameof(MaxDepth)}` must be 0 or more. Found {MaxDepth}.");
        }

        if (double.IsNaN(MinMs) || MinMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MinMs), MinMs, $"`{nameof(MinMs)}` must be 0 or more. Found {MinMs}.");
        }
    }
}
