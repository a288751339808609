namespace ColdStart.Lab;

/// <summary>A headline figure in the baseline and now.</summary>
/// <param name="Figure">Its name, in words.</param>
/// <param name="Base">The baseline value; null when unknown or absent.</param>
/// <param name="New">The current value; null when unknown or absent.</param>
/// <param name="IsTime">Whether the values are milliseconds (else a count). Default: true.</param>
public sealed record FigureDelta(string Figure, double? Base, double? New, bool IsTime = true)
{
    /// <summary>New − base; null when either is unknown.</summary>
    public double? Delta => Base is { } b && New is { } n ? n - b : null;

    /// <summary>The change in percent of the base; null when unknown or the base is 0.</summary>
    public double? DeltaPercent => Delta is { } d && Base is > 0 ? d / Base * 100 : null;
}
