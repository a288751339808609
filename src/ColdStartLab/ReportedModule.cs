namespace ColdStart.Lab;

/// <summary>One module as a JSON report states it.</summary>
/// <param name="Name">Dotted module name.</param>
/// <param name="Phase"><c>init</c>, <c>invoke</c> or <c>unknown</c>: the phase it was imported in, in most cold starts.</param>
/// <param name="MedianMs">Median cumulative import time over the cold starts that imported it.</param>
/// <param name="ColdStarts">How many cold starts imported it.</param>
/// <param name="BeforeHandler">Whether it was loaded before the handler module (interpreter start-up or preload): not the handler's import.</param>
public sealed record ReportedModule(string Name, string Phase, double MedianMs, int ColdStarts, bool BeforeHandler);
