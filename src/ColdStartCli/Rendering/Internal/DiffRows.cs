using System.Globalization;
using ColdStart.Cli.Internal;
using ColdStart.Lab;

namespace ColdStart.Cli.Rendering.Internal;

/// <summary>Rows of <c>coldstart diff</c> shared by the text and Markdown renderers.</summary>
internal static class DiffRows
{
    public static readonly string[] FigureHeaders = ["figure", "base", "new", "change"];

    public static readonly string[] ModuleHeaders = ["module", "phase", "base ms", "new ms", "change"];

    public const string BeforeHandlerNote = "* loaded before the handler module (interpreter start-up or preload): not the handler's import, and not gated.";

    public static string Side(FunctionDiff d) => (d.Baseline, d.Current) switch
    {
        (null, _) => "only in NEW",
        (_, null) => "only in BASE",
        _ => "",
    };

    public static IEnumerable<IReadOnlyList<string>> Figures(FunctionDiff d) =>
        d.Figures.Select(f => (IReadOnlyList<string>)[f.Figure, Value(f.Base, f.IsTime), Value(f.New, f.IsTime), Change(f.Delta, f.DeltaPercent, f.IsTime)]);

    /// <summary>The <paramref name="top"/> largest changes, and the <paramref name="top"/> largest new init-phase imports.</summary>
    public static IEnumerable<ModuleDelta> Shown(FunctionDiff d, int top) => d.Modules.Take(top).Union(NewAtInit(d, top));

    /// <summary>The largest modules newly imported at init, largest first.</summary>
    public static IEnumerable<ModuleDelta> NewAtInit(FunctionDiff d, int top) => d.NewAtInit.OrderByDescending(m => m.New!.MedianMs).Take(top);

    /// <summary>"New at init: a (3.1 ms), b (1.2 ms) and 12 more", or null when there is none.</summary>
    public static string? NewAtInitLine(FunctionDiff d, int top)
    {
        var all = d.NewAtInit.Count;
        return all == 0 ? null
            : "New at init: " + string.Join(", ", NewAtInit(d, top).Select(m => $"{m.Module} ({Format.Ms(m.New!.MedianMs)} ms)"))
              + (all > top ? $" and {all - top} more" : "");
    }

    public static IReadOnlyList<string> Module(ModuleDelta m) =>
    [
        m.Module + (m.BeforeHandler ? " *" : ""),
        (m.Base?.Phase, m.New?.Phase) switch
        {
            (null, { } now) => $"{now} (new)" + (m.IsNewAtInit ? " NEW AT INIT" : ""),
            ({ } was, null) => $"{was} (gone)",
            ({ } was, { } now) when was != now => $"{was} → {now}" + (m.IsNewAtInit ? " NEW AT INIT" : ""),
            (_, var now) => now ?? "",
        },
        m.Base is null ? "-" : Format.Ms(m.Base.MedianMs),
        m.New is null ? "-" : Format.Ms(m.New.MedianMs),
        Change(m.DeltaMs, m.DeltaPercent, isTime: true),
    ];

    public static string ApproximateNote(FunctionDiff d) =>
        "modules taken from a coldstart report document's import tree: options such as --min-ms may have cut it, and a module under several parents shows the sum.";

    private static string Value(double? value, bool isTime) =>
        value is not { } v ? "unknown" : isTime ? Format.Ms(v) : v.ToString("0", CultureInfo.InvariantCulture);

    private static string Change(double? delta, double? percent, bool isTime)
    {
        if (delta is not { } d)
        {
            return "unknown";
        }

        var sign = d > 0 ? "+" : "";
        var number = isTime ? sign + Format.Ms(d) : sign + d.ToString("0", CultureInfo.InvariantCulture);
        return percent is { } p ? $"{number} ({(p > 0 ? "+" : "")}{p.ToString("0", CultureInfo.InvariantCulture)}%)" : number;
    }
}
