namespace ColdStart.Constructs;

/// <summary>
/// CDK context keys that ColdStart reads. Set them in <c>cdk.json</c>, with <c>cdk synth -c key=value</c>,
/// or per <see cref="Amazon.CDK.Stage"/> with <c>stage.Node.SetContext(key, value)</c> before the stage has children.
/// </summary>
public static class ColdStartContext
{
    /// <summary>
    /// <c>coldstart:profiling</c>: <c>true</c> or <c>false</c>. Turns import-time profiling on or off for every
    /// profiled function below the node where it is set, unless a construct's own
    /// <see cref="ImportTimeProfilingOptions.Enabled"/> says otherwise. Default when absent: profiling on.
    /// </summary>
    public const string Profiling = "coldstart:profiling";

    /// <summary>
    /// <c>coldstart:production</c>: <c>true</c> marks the scope as production. Profiling still works there, but each
    /// profiled function gets a warning annotation. Default when absent: not production.
    /// </summary>
    public const string Production = "coldstart:production";
}
