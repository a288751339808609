using ColdStart.Analysis.Tests.Support;
using ColdStart.Cli;
using Xunit;

namespace ColdStart.Analysis.Tests.Cli;

/// <summary><c>--output</c> never destroys an input and never leaves a half-written file.</summary>
/// <remarks>Uses hard links, pipes and Unix permissions: Unix only.</remarks>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OutputFileTests
{
    [Theory]
    [InlineData("same path")]
    [InlineData("dot-slash")]
    [InlineData("absolute")]
    [InlineData("through a parent directory")]
    [InlineData("symbolic link")]
    [InlineData("hard link")]
    public void Output_naming_an_input_is_refused_and_the_input_is_untouched(string spelling)
    {
        using var dir = new TempDirectory();
        var input = dir.PathOf("cold.log");
        File.Copy(CliRunner.SamplePath, input);
        var before = File.ReadAllBytes(input);
        var output = spelling switch
        {
            "same path" => input,
            "dot-slash" => Path.Combine(dir.Path, ".", "cold.log"),
            "absolute" => Path.GetFullPath(input),
            "through a parent directory" => Path.Combine(dir.Path, "..", Path.GetFileName(dir.Path), "cold.log"),
            "symbolic link" => File.CreateSymbolicLink(dir.PathOf("link.log"), input).FullName,
            _ => HardLink(input, dir.PathOf("hard.log")),
        };
        var entries = Directory.GetFileSystemEntries(dir.Path).Order().ToList();

        var run = CliRunner.Run("report", input, "--format", "html", "--output", output);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal($"coldstart report: --output: '{output}' is the input file '{input}'; write the output to another file.\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Equal(before, File.ReadAllBytes(input));
        Assert.Equal(entries, Directory.GetFileSystemEntries(dir.Path).Order());
    }

    [Fact]
    public void Output_naming_the_second_of_several_inputs_is_refused()
    {
        using var dir = new TempDirectory();
        var first = dir.Write("a.log", File.ReadAllText(CliRunner.SamplePath));
        var second = dir.Write("b.log", File.ReadAllText(CliRunner.SamplePath));

        var run = CliRunner.Run("report", first, second, "-o", second);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains($"is the input file '{second}'", run.Error);
        Assert.Equal(File.ReadAllText(CliRunner.SamplePath), File.ReadAllText(second));
    }

    [Fact]
    public void Compare_refuses_an_output_that_is_one_of_a_strategys_files()
    {
        using var dir = new TempDirectory();
        var lazy = dir.Write("lazy.log", File.ReadAllText(CliRunner.SamplePath));
        var prewarmed = dir.Write("pc.log", File.ReadAllText(CliRunner.SamplePath));

        var run = CliRunner.Run("compare", $"lazy={lazy}", $"prewarmed={prewarmed}", "-o", "./" + Path.GetRelativePath(".", prewarmed));

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains($"is the input file '{prewarmed}'", run.Error);
        Assert.Equal(File.ReadAllText(CliRunner.SamplePath), File.ReadAllText(prewarmed));
    }

    [Fact]
    public void An_existing_output_is_replaced_whole_so_a_reader_of_the_old_file_never_sees_it_half_written()
    {
        using var dir = new TempDirectory();
        var output = dir.Write("report.txt", "the previous report\n");
        using var reader = new FileStream(output, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        var run = CliRunner.Run("report", CliRunner.SamplePath, "--output", output);

        // Written in place, the open file would now be empty or partly new; renamed over, it is still the old one.
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("the previous report\n", new StreamReader(reader).ReadToEnd());
        Assert.StartsWith("coldstart report:", File.ReadAllText(output));
        Assert.Equal([output], Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Output_through_a_symbolic_link_replaces_the_link_target_and_keeps_the_link()
    {
        using var dir = new TempDirectory();
        var target = dir.Write("real.md", "old\n");
        var link = File.CreateSymbolicLink(dir.PathOf("latest.md"), target).FullName;

        var run = CliRunner.Run("report", CliRunner.SamplePath, "--format", "markdown", "--output", link);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.StartsWith("## Cold-start import report", File.ReadAllText(target));
    }

    [Fact]
    public void Output_keeps_the_permissions_of_the_file_it_replaces()
    {
        using var dir = new TempDirectory();
        var output = dir.Write("report.json", "{}");
        File.SetUnixFileMode(output, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        CliRunner.Run("report", CliRunner.SamplePath, "--format", "json", "--output", output);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(output));
    }

    [Theory]
    [InlineData("directory")]
    [InlineData("no profile")]
    [InlineData("missing directory")]
    public void A_failed_run_leaves_the_existing_output_and_no_temporary_file(string failure)
    {
        using var dir = new TempDirectory();
        var output = dir.Write("report.txt", "the previous report\n");
        var input = failure == "no profile" ? dir.Write("app.log", "hello\n") : CliRunner.SamplePath;
        var target = failure switch
        {
            "directory" => dir.Path,
            "missing directory" => Path.Combine(dir.Path, "missing", "report.txt"),
            _ => output,
        };

        var run = CliRunner.Run("report", input, "--output", target);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Equal("the previous report\n", File.ReadAllText(output));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(dir.Path), e => Path.GetFileName(e).EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Output_to_a_pipe_is_written_into_the_pipe_not_renamed_over_it()
    {
        using var dir = new TempDirectory();
        var fifo = dir.PathOf("report.pipe");
        Tool("mkfifo", fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));

        var run = CliRunner.Run("report", CliRunner.SamplePath, "--output", fifo);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("coldstart report:", await reader.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, new FileInfo(fifo).Length); // still a pipe: a renamed regular file would hold the report
        Assert.Equal([fifo], Directory.GetFileSystemEntries(dir.Path));
    }

    private static string HardLink(string existing, string link)
    {
        Tool("ln", existing, link);
        return link;
    }

    private static void Tool(string name, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(name, args);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
