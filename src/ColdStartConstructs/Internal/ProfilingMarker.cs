using Constructs;

namespace ColdStart.Constructs.Internal;

/// <summary>
/// An empty child construct that records "ColdStart has decided about this function", and how. Aspects run again on
/// every synth, and a function may be both an <see cref="ImportTimeProfiledFunction"/> and in an aspect's scope, or in
/// the scope of two aspects: the marker makes every path idempotent and lets a second aspect with other options be
/// told apart from the same aspect running again. It adds nothing to the template.
/// </summary>
internal sealed class ProfilingMarker : Construct
{
    private const string Id = "ColdStartImportTimeProfiling";

    private ProfilingMarker(Construct function, string? aspectDecision)
        : base(function, Id)
    {
        AspectDecision = aspectDecision;
    }

    /// <summary>What the aspect that decided decided (see <see cref="ImportTimeProfilingAspect"/>); null when an
    /// <see cref="ImportTimeProfiledFunction"/> decided, or the function cannot be profiled at all.</summary>
    public string? AspectDecision { get; }

    /// <summary>
    /// The guard of the variables an aspect set in wrapper mode on an L2 function, so that the aspect can chain to a
    /// wrapper another aspect set after it; null otherwise.
    /// </summary>
    public ProfilingEnvironmentGuard? WrapperGuard { get; set; }

    /// <summary>Whether a conflicting aspect was already reported, so a second synth does not report it twice.</summary>
    public bool ConflictReported { get; set; }

    public static ProfilingMarker? Of(IConstruct function) => function.Node.TryFindChild(Id) as ProfilingMarker;

    public static bool IsMarked(IConstruct function) => function.Node.TryFindChild(Id) is not null;

    public static ProfilingMarker Mark(Construct function, string? aspectDecision = null) => new(function, aspectDecision);
}
