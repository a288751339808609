using ColdStart.Analysis.Tests.Support;

namespace ColdStart.Analysis.Tests.Cli;

/// <summary>The report of an import chain thousands of levels deep, made by the real parser and report, for the renderers.</summary>
internal static class DeepTree
{
    /// <summary>m0 imports m1 imports … m(depth-1); each adds 10 µs, so every bar is a little narrower than its parent.</summary>
    public static ImportTimeReport Report(int depth) =>
        ImportTimeReport.Build(LogParser.Parse([new LogSource("chain.log", () => new ImportChainLog(depth, selfMicros: 10))]));
}
