using System.Runtime.Versioning;
using ColdStart.Constructs.Tests.Support;
using Xunit;

namespace ColdStart.Constructs.Tests.Constructs;

/// <summary>
/// Every snapshot is the synthesised template of its scenario (SnapshotTests fail on any difference), so linting the
/// snapshot files lints what the constructs synthesise, in one cfn-lint process.
/// </summary>
[UnsupportedOSPlatform("windows")]
public class CfnLintTests
{
    [Fact]
    public void Every_snapshot_template_passes_cfn_lint()
    {
        var templates = Directory.GetFiles(Snapshot.Directory(), "*.json").OrderBy(f => f).ToArray();
        Assert.NotEmpty(templates);

        var (exitCode, output) = CfnLint.Run(templates);

        Assert.True(exitCode == 0, $"cfn-lint found problems (exit {exitCode}):\n{output}");
    }
}
