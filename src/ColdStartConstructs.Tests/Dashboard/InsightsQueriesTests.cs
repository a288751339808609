using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using ColdStart.Constructs.Dashboard.Internal;
using ColdStart.Constructs.Tests.Support;
using ColdStart.Constructs.Tests.Wrapper;
using Xunit;
using Xunit.Abstractions;

namespace ColdStart.Constructs.Tests.Dashboard;

/// <summary>
/// The parse patterns of the Logs Insights queries, run against what they parse on Lambda: CPython's real
/// <c>-X importtime</c> rows and the wrapper's real profile-start line. Logs Insights and .NET share the
/// <c>(?&lt;name&gt;…)</c> group syntax and every construct these patterns use.
/// </summary>
[UnsupportedOSPlatform("windows")]
public class InsightsQueriesTests(ITestOutputHelper output)
{
    private static readonly Regex ImportLine = new(InsightsQueries.ImportLinePattern);

    [Theory]
    [MemberData(nameof(LocalPython.VersionData), MemberType = typeof(LocalPython))]
    public void The_import_pattern_reads_every_row_of_a_real_importtime_profile(string version)
    {
        if (LocalPython.Find(version) is not { } python)
        {
            output.WriteLine($"python{version} is not installed (pyenv or PATH): skipped");
            return;
        }

        var result = ProcessRun.Start(python, ["-X", "importtime", "-c", "import json, email.message, xml.etree.ElementTree"]);

        Assert.Equal(0, result.ExitCode);
        var lines = result.StderrLines.Where(l => l.StartsWith("import time:", StringComparison.Ordinal)).ToArray();
        Assert.Equal("import time: self [us] | cumulative | imported package", lines[0]);
        Assert.DoesNotMatch(ImportLine, lines[0]);
        var rows = lines.Skip(1).ToArray();
        Assert.True(rows.Length > 20, $"python{version} printed only {rows.Length} import rows");
        foreach (var row in rows)
        {
            var match = ImportLine.Match(row);
            Assert.True(match.Success, $"python{version}: the pattern missed {row}");
            var columns = row["import time:".Length..].Split('|');
            Assert.Equal(long.Parse(columns[0].Trim()), long.Parse(match.Groups["self_us"].Value));
            Assert.Equal(long.Parse(columns[1].Trim()), long.Parse(match.Groups["cumulative_us"].Value));
            Assert.Equal(columns[2].Trim(), match.Groups["module"].Value);
        }
        Assert.Contains(rows, r => ImportLine.Match(r).Groups["module"].Value == "email.message");
        Assert.Contains(rows, r => ImportLine.Match(r).Groups["module"].Value == "xml.etree.ElementTree");
    }

    [Fact]
    public void Python_3_14_cached_rows_are_not_read_as_imports()
    {
        // -X importtime=2 (3.14) prints modules that were already loaded like this; they cost nothing.
        Assert.DoesNotMatch(ImportLine, "import time:       cached |     cached |     encodings");
    }

    [Fact]
    public void The_profile_start_pattern_reads_the_init_type_from_the_real_wrapper_line()
    {
        if (LocalPython.Installed().FirstOrDefault() is not { } version)
        {
            Assert.Fail("no local CPython to run the wrapper with");
            return;
        }
        using var sandbox = new WrapperSandbox(["importtime"]);

        var result = sandbox.Run(Launcher.Direct, LocalPython.Find(version)!, sandbox.ShapeArguments(ArgvShape.Script),
            new Dictionary<string, string?> { ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "provisioned-concurrency" });

        var match = new Regex(InsightsQueries.ProfileStartPattern).Match(result.StderrLines[0]);
        Assert.True(match.Success, $"the pattern missed {result.StderrLines[0]}");
        Assert.Equal("provisioned-concurrency", match.Groups["init_type"].Value);
    }

    [Fact]
    public void The_boundary_pattern_reads_start_and_end_lines_only()
    {
        var boundary = new Regex(InsightsQueries.InvocationBoundaryPattern);

        var start = boundary.Match("START RequestId: 8f507cfc-2f2a-4bc6-8a3b-1f6a0f9c2c11 Version: 3");
        var end = boundary.Match("END RequestId: 8f507cfc-2f2a-4bc6-8a3b-1f6a0f9c2c11");

        Assert.Equal(("START", "8f507cfc-2f2a-4bc6-8a3b-1f6a0f9c2c11"), (start.Groups["phase"].Value, start.Groups["request_id"].Value));
        Assert.Equal(("END", "8f507cfc-2f2a-4bc6-8a3b-1f6a0f9c2c11"), (end.Groups["phase"].Value, end.Groups["request_id"].Value));
        Assert.DoesNotMatch(boundary, "REPORT RequestId: 8f507cfc-2f2a-4bc6-8a3b-1f6a0f9c2c11\tDuration: 15.74 ms");
    }

    [Theory]
    [InlineData(0.0000166667, "0.0000166667")]
    [InlineData(0.00000000666668, "0.00000000666668")]
    [InlineData(2, "2")]
    [InlineData(0, "0")]
    public void Numbers_in_queries_and_metric_math_never_use_exponent_notation(double value, string expected)
    {
        Assert.Equal(expected, PlainNumber.Format(value));
    }
}
