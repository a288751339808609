namespace ColdStart.Lab;

/// <summary>A function found in the cloud assembly that the lab cannot run locally, and why.</summary>
/// <param name="Name">Its construct path, or its logical id when the assembly has no path for it.</param>
/// <param name="LogicalId">The CloudFormation logical id.</param>
/// <param name="Runtime">Its runtime; null for container images and when the template has none.</param>
/// <param name="Reason">One sentence, e.g. "inline code (Code.ZipFile), not a local asset".</param>
public sealed record SkippedFunction(string Name, string LogicalId, string? Runtime, string Reason);
