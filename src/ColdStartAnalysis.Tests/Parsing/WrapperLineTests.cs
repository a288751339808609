using ColdStart.Analysis.Tests.Support;

namespace ColdStart.Analysis.Tests.Parsing;

public class WrapperLineTests
{
    [Theory]
    [InlineData("on-demand")]
    [InlineData("provisioned-concurrency")]
    [InlineData("snap-start")]
    public void Wrapper_line_begins_a_cold_start_with_its_init_type_and_interpreter(string initType)
    {
        var result = Parse.Lines([LambdaLines.Wrapper(initType, "/var/lang/bin/python3.12"), .. LambdaLines.InitImports()]);

        var coldStart = Assert.Single(result.ColdStarts);
        Assert.Equal(initType, coldStart.InitType);
        Assert.Equal("/var/lang/bin/python3.12", coldStart.Interpreter);
        Assert.Equal(0, result.Skipped[SkipReason.DuplicateHeader]);
        Assert.Equal(result.LinesRead, result.LinesUsed);
    }

    [Fact]
    public void Unknown_keys_are_ignored_and_missing_ones_tolerated()
    {
        var result = Parse.Lines(["coldstart: importtime profile start; future_key=1; init_type=bogus", .. LambdaLines.InitImports()]);

        var coldStart = Assert.Single(result.ColdStarts);
        Assert.Equal("unknown", coldStart.InitType);
        Assert.Null(coldStart.Interpreter);
    }

    [Fact]
    public void Each_wrapper_line_is_a_new_interpreter_even_without_init_start()
    {
        var result = Parse.Lines([LambdaLines.Wrapper(), .. LambdaLines.InitImports(), LambdaLines.Wrapper("snap-start"), .. LambdaLines.InitImports()]);

        Assert.Equal(["on-demand", "snap-start"], result.ColdStarts.Select(c => c.InitType));
    }

    [Fact]
    public void Init_type_from_the_wrapper_wins_over_platform_init_start()
    {
        var initStart = """{"time":"2024-05-01T10:00:00.000Z","type":"platform.initStart","record":{"initializationType":"on-demand","runtimeVersion":"python:3.13.v1"}}""";

        var result = Parse.Lines([initStart, LambdaLines.Wrapper("snap-start"), .. LambdaLines.InitImports(), LambdaLines.Start(LambdaLines.RequestA)]);

        var coldStart = Assert.Single(result.ColdStarts);
        Assert.Equal("snap-start", coldStart.InitType);
        Assert.Equal("python:3.13.v1", coldStart.RuntimeVersion);
    }
}
