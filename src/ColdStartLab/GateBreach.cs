using System.Globalization;

namespace ColdStart.Lab;

/// <summary>One failed gate: a module (or headline figure), the phase, what was measured and what is allowed.</summary>
/// <param name="Module">The module, or the figure for a budget.</param>
/// <param name="Phase"><c>init</c> or <c>invoke</c> (or <c>unknown</c>): the phase it was imported in.</param>
/// <param name="MeasuredMs">Its median (cumulative) time now, in ms.</param>
/// <param name="Allowed">What the gate allows, in words (e.g. <c>5.0 ms</c>, <c>not at init</c>).</param>
/// <param name="Gate">The option that set the gate, as typed (e.g. <c>--max-module-ms boto3=50</c>).</param>
/// <param name="DeltaMs">For a regression: the growth over the baseline in ms; otherwise null.</param>
public sealed record GateBreach(string Module, string Phase, double MeasuredMs, string Allowed, string Gate, double? DeltaMs = null)
{
    /// <summary>One line: module, phase, measured vs allowed, and the gate.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Module} ({Phase}): {MeasuredMs:#,0.0} ms{(DeltaMs is { } d ? $" (+{d:#,0.0} ms)" : "")}, allowed {Allowed} ({Gate})");
}
