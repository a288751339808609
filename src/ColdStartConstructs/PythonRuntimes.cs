using Amazon.CDK.AWS.Lambda;

namespace ColdStart.Constructs;

/// <summary>
/// Python Lambda runtimes that aws-cdk-lib 2.160 has no constant for.
/// </summary>
public static class PythonRuntimes
{
    /// <summary>The <c>python3.13</c> runtime (Amazon Linux 2023). ColdStart's default runtime.</summary>
    public static Runtime Python313 { get; } = new("python3.13", RuntimeFamily.PYTHON);

    /// <summary>The <c>python3.14</c> runtime (Amazon Linux 2023); needed for <c>-X importtime=2</c>.</summary>
    public static Runtime Python314 { get; } = new("python3.14", RuntimeFamily.PYTHON);
}
