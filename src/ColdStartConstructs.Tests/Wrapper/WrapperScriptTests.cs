using ColdStart.Constructs.Internal;
using Xunit;

namespace ColdStart.Constructs.Tests.Wrapper;

public sealed class WrapperScriptTests
{
    [Theory]
    [InlineData("dev; rm -rf /")]
    [InlineData("$(id)")]
    [InlineData("`id`")]
    [InlineData("tracemalloc=5 -c pass")]
    [InlineData("utf8='1'")]
    [InlineData("utf8=\"1\"")]
    [InlineData("x=%s")]
    [InlineData("pycache_prefix=/tmp")]
    [InlineData("Dev")]
    [InlineData("dev\n")]
    [InlineData("")]
    [InlineData("=1")]
    public void Refuses_options_that_could_mean_something_to_the_shell(string option)
    {
        var error = Assert.Throws<ArgumentException>(() => WrapperScript.Render(["importtime", option]));

        Assert.Contains($"'{option}'", error.Message, StringComparison.Ordinal);
        Assert.Equal("xOptions", error.ParamName);
    }

    [Fact]
    public void Refuses_options_without_importtime()
    {
        var error = Assert.Throws<ArgumentException>(() => WrapperScript.Render(["dev"]));

        Assert.Contains("must include importtime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_a_posix_sh_script_with_unix_line_endings()
    {
        var script = WrapperScript.Render(["importtime", "dev"]);

        Assert.StartsWith("#!/bin/sh\n", script, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', script);
        Assert.EndsWith("\n", script, StringComparison.Ordinal);
    }

    // Whatever XOptionRules accepts must also pass Render's character check.
    [Theory]
    [InlineData("importtime=2")]
    [InlineData("tracemalloc=65535")]
    [InlineData("frozen_modules=off")]
    [InlineData("utf8=1")]
    [InlineData("warn_default_encoding")]
    [InlineData("int_max_str_digits=2147483647")]
    [InlineData("perf")]
    public void Renders_every_allowed_option_right_after_the_interpreter(string option)
    {
        Assert.Null(XOptionRules.Problem(option, 14));

        var script = WrapperScript.Render(["importtime", option]);

        Assert.Contains($"exec \"$interpreter\" -X importtime -X {option} \"$@\"\n", script, StringComparison.Ordinal);
        Assert.Contains($"exec \"$chain\" \"$interpreter\" -X importtime -X {option} \"$@\"\n", script, StringComparison.Ordinal);
    }
}
