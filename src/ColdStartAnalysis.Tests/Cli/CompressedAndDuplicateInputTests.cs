using System.Text.Json;
using ColdStart.Analysis.Tests.Parsing;
using ColdStart.Analysis.Tests.Support;
using ColdStart.Cli;

namespace ColdStart.Analysis.Tests.Cli;

/// <summary>The command's side of compressed and duplicate inputs (the parser's side is in Parsing/).</summary>
public class CompressedAndDuplicateInputTests
{
    [Fact]
    public void Gzip_on_standard_input_is_detected_by_its_magic_bytes()
    {
        var run = RunWithStdin(CompressedInputTests.Gzip(CompressedInputTests.Log()), "report", "-", "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("\"compressed\": true", run.Out);
        Assert.Contains("\"coldStarts\": 1", run.Out);
    }

    [Fact]
    public void The_report_says_what_was_skipped_and_dropped_in_every_format()
    {
        using var dir = new TempDirectory();
        var events = DuplicateInputTests.Events();
        var early = dir.Write("early.log", DuplicateInputTests.Tail(events[..(events.Count * 2 / 3)]));
        var late = dir.Write("late.log", DuplicateInputTests.Tail(events[(events.Count / 3)..]));

        var json = JsonDocument.Parse(CliRunner.Run("report", early, late, early, "--format", "json").Out).RootElement.GetProperty("summary");
        var text = CliRunner.Run("report", early, late, early).Out;

        Assert.Equal(events.Count * 2 / 3 + events.Count - events.Count / 3 - events.Count, json.GetProperty("duplicateEventsDropped").GetInt64());
        Assert.Equal(1, json.GetProperty("duplicateInputsSkipped").GetInt32());
        Assert.Equal(early, json.GetProperty("sources")[2].GetProperty("duplicateOf").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("sources")[0].GetProperty("duplicateOf").ValueKind);
        Assert.Contains("duplicate event", text);
        Assert.Contains($"{late}: aws logs tail", text);
        Assert.Contains("the same bytes as", text);
    }

    private static CliRunner.Outcome RunWithStdin(byte[] stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole { Out = output, Error = error, OpenStdin = () => new MemoryStream(stdin), IsOutputRedirected = true, IsErrorRedirected = true };
        return new CliRunner.Outcome(ColdStartApp.Run(args, console), output.ToString(), error.ToString());
    }
}
