namespace ColdStart.Analysis.Tests.Support;

/// <summary>Prints rows exactly as CPython's import.c does.</summary>
internal static class ImportTimeText
{
    public const string Header = "import time: self [us] | cumulative | imported package";

    /// <summary><c>"import time: %9ld | %10ld | %*s%s\n"</c> with 2 spaces per depth.</summary>
    public static string Row(long self, long cumulative, int depth, string name) =>
        $"import time: {self,9} | {cumulative,10} | {new string(' ', depth * 2)}{name}";

    /// <summary>3.14 <c>-X importtime=2</c>: the name right-aligned in a field of 2 × depth characters.</summary>
    public static string CachedRow(int depth, string name) =>
        $"import time: cached    | cached     | {name.PadLeft(depth * 2)}";
}
