using Constructs;

namespace ColdStart.Constructs.Internal;

/// <summary>
/// An empty child construct that records "ColdStart has decided about this function". Aspects run again on every
/// synth, and a function may be both an <see cref="ImportTimeProfiledFunction"/> and in an aspect's scope: the marker
/// makes every path idempotent. It adds nothing to the template.
/// </summary>
internal static class ProfilingMarker
{
    private const string Id = "ColdStartImportTimeProfiling";

    public static bool IsMarked(IConstruct function) => function.Node.TryFindChild(Id) is not null;

    public static void Mark(Construct function) => _ = new Construct(function, Id);
}
