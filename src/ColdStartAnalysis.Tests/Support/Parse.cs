namespace ColdStart.Analysis.Tests.Support;

internal static class Parse
{
    public static ParseResult Text(string text, ParseOptions? options = null, string name = "input.log") =>
        LogParser.Parse([LogSource.FromText(name, text)], options);

    public static ParseResult Lines(params string[] lines) => Text(string.Join("\n", lines) + "\n");

    public static ParseResult Bytes(byte[] bytes, string name = "input.bin") =>
        LogParser.Parse([new LogSource(name, () => new MemoryStream(bytes, writable: false))]);

    /// <summary>Every line read is used, ignored or dropped for a counted reason.</summary>
    public static void AssertAccounted(ParseResult result) =>
        Assert.Equal(result.LinesRead, result.LinesUsed + result.LinesIgnored + result.Skipped.LinesDropped);
}
