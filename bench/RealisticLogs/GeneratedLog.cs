namespace ColdStart.Bench.Logs;

/// <summary>A generated file and what it holds, as counted while writing (what the parser must find).</summary>
/// <param name="Path">The file.</param>
/// <param name="Shape">Its export shape.</param>
/// <param name="InitType">Init type of its environments (Lambda shapes), else null.</param>
/// <param name="Seed">Random seed it was generated with.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="ColdStarts">Cold starts with an import profile.</param>
/// <param name="ImportRows">Import rows (headers not counted).</param>
/// <param name="Reports">REPORT lines.</param>
/// <param name="Lines">Lines the parser reads: message lines for JSON, file lines otherwise.</param>
/// <param name="UserLines">Lines of the function's own output, which the parser ignores.</param>
/// <param name="GeneratorVersion">Version of the generator that wrote it (a file from another version is regenerated).</param>
public sealed record GeneratedLog(
    string Path,
    LogShape Shape,
    string? InitType,
    int Seed,
    long Bytes,
    long ColdStarts,
    long ImportRows,
    long Reports,
    long Lines,
    long UserLines,
    int GeneratorVersion)
{
    /// <summary>Bytes per line, the figure that sets how costly a shape is per row.</summary>
    public double BytesPerLine => Lines == 0 ? 0 : (double)Bytes / Lines;
}
