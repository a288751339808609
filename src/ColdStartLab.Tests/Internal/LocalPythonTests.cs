namespace ColdStart.Lab.Tests.Internal;

/// <summary>The one finder of local interpreters the product and every test project use.</summary>
public sealed class LocalPythonTests
{
    [Fact]
    public void Finds_each_installed_version_as_an_interpreter_of_that_version()
    {
        Assert.NotEmpty(LocalPython.Installed());
        foreach (var version in LocalPython.Installed())
        {
            var python = LocalPython.Find(version)!;
            Assert.True(Path.IsPathFullyQualified(python), python);
            var reported = LocalPython.VersionOf(python)!;
            Assert.Equal(version, $"{reported.Major}.{reported.Minor}");
        }
    }

    [Theory]
    [InlineData("python3.13", "3.13")]
    [InlineData("python3.8", "3.8")]
    [InlineData("python3.10", "3.10")]
    [InlineData("python3", null)]
    [InlineData("python2.7", null)]
    [InlineData("nodejs20.x", null)]
    [InlineData("python3.x", null)]
    public void Reads_the_minor_version_of_a_runtime(string runtime, string? version) => Assert.Equal(version, LocalPython.MinorVersionOf(runtime));

    [Fact]
    public void An_interpreter_that_cannot_run_has_no_version() => Assert.Null(LocalPython.VersionOf("/no/such/python"));
}
