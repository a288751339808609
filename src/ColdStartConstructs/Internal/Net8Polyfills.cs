#if !NET9_0_OR_GREATER
namespace ColdStart.Constructs.Internal;

/// <summary>.NET 9+ APIs the library uses, for its net8.0 build (CDK apps from <c>cdk init</c> target net8.0).</summary>
internal static class Net8Polyfills
{
    extension(Convert)
    {
        /// <summary>Lower-case hexadecimal, as <c>Convert.ToHexStringLower</c> (.NET 9) writes it.</summary>
        public static string ToHexStringLower(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
#endif
