namespace ColdStart.Analysis;

/// <summary>
/// A lazy import that saved nothing: the handler imported a module that was already loaded (a Python 3.14
/// <c>-X importtime=2</c> <c>cached</c> row at the top of a request's imports), so deferring the import into the handler
/// did not move its cost out of the init phase. Only cold starts whose profile has cached rows can show it.
/// </summary>
/// <param name="Name">Dotted module name.</param>
/// <param name="Class">Runtime, standard library, third party or user.</param>
/// <param name="ColdStarts">Cold starts in which the handler imported it while it was already loaded, before any request of
/// that environment had loaded it itself (a later request finding a module its own first request loaded is how lazy
/// loading should work, and is not counted).</param>
/// <param name="LoadedAtInit">Of <paramref name="ColdStarts"/>, those in which an init-phase (module-level) import loaded it.</param>
/// <param name="LoadedBy">The init-phase module whose import loaded it, in most of <paramref name="LoadedAtInit"/> (ties go to
/// the name first in ordinal order); null when it was loaded at the top level of init (by the runtime, or it is a root of
/// the profile) or never at init.</param>
/// <param name="MedianInitCumulativeMs">Median cumulative time of the init-phase row that loaded it, over
/// <paramref name="LoadedAtInit"/>: what the lazy import meant to move out of init and did not. Null when
/// <paramref name="LoadedAtInit"/> is 0 (it was loaded before the profile began, e.g. a built-in module).</param>
public sealed record IneffectiveLazyImport(
    string Name,
    ModuleClass Class,
    int ColdStarts,
    int LoadedAtInit,
    string? LoadedBy,
    double? MedianInitCumulativeMs);
