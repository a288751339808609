using System.Reflection;
using System.Runtime.Versioning;
using ColdStart.Analysis.Parsing;

namespace ColdStart.Analysis.Tests.Packaging;

/// <summary>
/// The suite runs once per target framework of the library (net8.0 for CDK apps made by <c>cdk init app --language csharp</c>
/// and their tests); each run must load the library built for that framework, not the other one.
/// </summary>
public class TargetFrameworkTests
{
#if NET10_0
    private const string Expected = ".NETCoreApp,Version=v10.0";
#elif NET8_0
    private const string Expected = ".NETCoreApp,Version=v8.0";
#endif

    [Fact]
    public void Each_run_loads_the_library_built_for_its_own_framework()
    {
        Assert.Equal(Expected, FrameworkOf(typeof(TargetFrameworkTests).Assembly));
        Assert.Equal(Expected, FrameworkOf(typeof(LogParser).Assembly));
    }

    private static string? FrameworkOf(Assembly assembly) =>
        assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
}
