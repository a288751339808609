namespace ColdStart.Lab;

/// <summary>How <see cref="ColdStartLab.Profile"/> runs the cold starts.</summary>
public sealed class LabOptions
{
    /// <summary>Cold starts per function (1–1000). Default: 5.</summary>
    public int ColdStarts { get; init; } = 5;

    /// <summary>
    /// Cold starts run first and left out of the report (0–100): the first start of an interpreter also pays for
    /// reading its files into the OS cache, which a Lambda cold start does not repeat per import. Default: 1.
    /// </summary>
    public int WarmUp { get; init; } = 1;

    /// <summary>
    /// The event to invoke the handler with once per cold start, as JSON text; null to run the init phase only (then
    /// there is no invocation, so no lazy imports are measured). Default: null.
    /// </summary>
    public string? EventJson { get; init; }

    /// <summary>The interpreter for every function, overriding the one found for the runtime. Default: null (found by <see cref="LocalPython.Find"/>).</summary>
    public string? Python { get; init; }

    /// <summary>Wall-clock limit of one cold start, from process start to exit; the process tree is killed when it is reached. Default: 30 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>What to import before the handler module. Default: <see cref="Preload.Auto"/>.</summary>
    public Preload Preload { get; init; } = Preload.Auto;

    /// <summary>Variables set for every function after its own (e.g. values the template only has as expressions). Default: none.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Called with one line per cold start as it finishes, on the calling thread (e.g. for a progress display). Default: null.</summary>
    public Action<string>? Progress { get; init; }

    internal void Validate()
    {
        if (ColdStarts is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(ColdStarts), ColdStarts, $"--cold-starts must be between 1 and 1000. Found {ColdStarts}.");
        }

        if (WarmUp is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(WarmUp), WarmUp, $"--warm-up must be between 0 and 100. Found {WarmUp}.");
        }

        foreach (var name in Environment.Keys.Where(Internal.LambdaEnvironment.Reserved.Contains))
        {
            throw new ArgumentException($"--env: {name} is reserved by Lambda and set by the lab itself (see docs/lab.md).", nameof(Environment));
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, $"--timeout must be more than 0 seconds. Found {Timeout.TotalSeconds}.");
        }
    }
}
