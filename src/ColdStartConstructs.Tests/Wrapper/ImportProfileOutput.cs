using System.Text.RegularExpressions;

using ColdStart.Constructs.Tests.Support;

namespace ColdStart.Constructs.Tests.Wrapper;

/// <summary>Reads what CPython's import profiler wrote to stderr: its header and its rows.</summary>
internal static partial class ImportProfileOutput
{
    public const string Header = "import time: self [us] | cumulative | imported package";

    [GeneratedRegex(@"^import time:\s+\d+ \|\s+\d+ \| (?<indent> *)(?<name>\S+)$")]
    private static partial Regex Row();

    /// <summary>How many profiles started: one header per interpreter that profiled its imports.</summary>
    public static int Headers(ProcessResult result) => result.StderrLines.Count(l => l == Header);

    /// <summary>The modules of the rows at depth 0 (imported by the program itself, not by another module).</summary>
    public static IReadOnlySet<string> TopLevelModules(ProcessResult result) =>
        result.StderrLines.Select(l => Row().Match(l)).Where(m => m.Success && m.Groups["indent"].Length == 0)
            .Select(m => m.Groups["name"].Value).ToHashSet();
}
