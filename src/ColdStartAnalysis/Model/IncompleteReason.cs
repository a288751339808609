namespace ColdStart.Analysis;

/// <summary>Why a cold start's import profile is visibly incomplete; such cold starts are left out of every figure and counted.</summary>
public enum IncompleteReason
{
    /// <summary>
    /// Its first rows came with no importtime header, wrapper line or <c>INIT_START</c> before them: the block started before
    /// the input did (an export window or a capture that began mid-profile).
    /// </summary>
    StartedMidBlock,

    /// <summary>
    /// A child Python process printed its profile while this interpreter was inside an import: the rows that follow cannot be
    /// told apart, so the parent's open imports never close.
    /// </summary>
    SubprocessInsideImport,

    /// <summary>
    /// Rows were still waiting for their parent row when the block ended (at the next START, END, REPORT or INIT_REPORT, at
    /// the next cold start in the stream, or at the end of the input): the block was cut.
    /// </summary>
    UnclosedImports,

    /// <summary>
    /// In a log with Lambda platform lines, the block ended (next cold start in the stream, or end of the input) with no
    /// START, END, REPORT or INIT_REPORT after it: the export ended, or was cut, before the init did.
    /// </summary>
    EndedBeforeInitEnded,
}
