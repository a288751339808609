namespace ColdStart.Analysis;

/// <summary>
/// Where an input that could not be read to its end stopped being readable; only with <see cref="ParseOptions.AllowPartial"/>
/// (otherwise <see cref="LogParser"/> throws <see cref="LogSourceException"/>).
/// </summary>
/// <param name="ByteOffset">Offset of the break in the input's bytes (for a .gz input, in its decompressed bytes).</param>
/// <param name="Reason">One line saying what was wrong, e.g. "the JSON document ends before it is closed".</param>
public sealed record PartialInput(long ByteOffset, string Reason);
