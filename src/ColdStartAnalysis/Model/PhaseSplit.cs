namespace ColdStart.Analysis;

/// <summary>Whether the init/invoke split of a cold start's imports is known.</summary>
public enum PhaseSplit
{
    /// <summary>Every import has an <see cref="ImportPhase.Init"/> or <see cref="ImportPhase.Invoke"/> phase from the log's own boundaries.</summary>
    Known,

    /// <summary>Some imports were logged after START with nothing marking the end of module-level code; they have <see cref="ImportPhase.Unknown"/>.</summary>
    Unknown,
}
