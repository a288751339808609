using Amazon.CDK;
using Constructs;

namespace ColdStart.Constructs.Internal;

/// <summary>The soft problems ColdStart reports as warnings, each with a stable id that can be acknowledged.</summary>
internal static class ProfilingAnnotations
{
    public const string ProductionId = "coldstart:profiling-in-production";
    public const string DeprecatedRuntimeId = "coldstart:deprecated-runtime";
    public const string NotPythonId = "coldstart:not-python";
    public const string NotProfilableId = "coldstart:not-profilable";
    public const string EnvironmentVariableModeId = "coldstart:environment-variable-mode";

    public static void WarnIfProduction(IConstruct scope, bool production)
    {
        if (production)
        {
            Annotations.Of(scope).AddWarningV2(ProductionId,
                "Import-time profiling is on in a stage marked as production (coldstart:production): every cold start logs its " +
                "import profile (and in Wrapper mode starts the wrapper first). Set the context key coldstart:profiling to false for this stage to remove it.");
        }
    }

    public static void WarnIfDeprecated(IConstruct scope, PythonRuntimeInfo runtime)
    {
        if (runtime.DeprecationDate is { } date)
        {
            Annotations.Of(scope).AddWarningV2(DeprecatedRuntimeId,
                $"{runtime.Name} was deprecated by Lambda on {date}; creating functions on it is blocked from 2027-02-01. Move to python3.13.");
        }
    }
}
