using System.Text.Json;
using ColdStart.Analysis;
using ColdStart.Cli.Rendering.Internal;

namespace ColdStart.Cli.Rendering;

/// <summary>Renders an import-time report as JSON; the schema (schemaVersion 1) is documented in docs/cli.md.</summary>
internal static class JsonReportRenderer
{
    public static string Render(ImportTimeReport report) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", JsonOutput.SchemaVersion);
        w.WriteString("kind", "report");

        var summary = report.Summary;
        w.WriteStartObject("summary");
        w.WriteNumber("coldStarts", summary.ColdStarts);
        w.WriteStartObject("coldStartsByInitType");
        foreach (var (initType, count) in summary.ColdStartsByInitType)
        {
            w.WriteNumber(initType, count);
        }

        w.WriteEndObject();
        JsonOutput.Percentiles(w, "initDurationMs", summary.InitDurationMs);
        w.WriteString("phaseSplit", Labels.Split(report.Split));
        w.WriteNumber("coldStartsWithUnknownSplit", summary.ColdStartsWithUnknownSplit);
        JsonOutput.Number(w, "medianInitImportMs", report.Split == PhaseSplit.Known ? report.MedianInitImportMs : null);
        JsonOutput.Percentiles(w, "initImportMs", summary.InitImportMs);
        JsonOutput.Percentiles(w, "firstInvocationDurationMs", summary.FirstInvocationDurationMs);
        JsonOutput.Percentiles(w, "firstInvocationLazyImportMs", summary.FirstInvocationLazyImportMs);
        JsonOutput.Percentiles(w, "initModulesImported", summary.InitModulesImported);
        JsonOutput.Percentiles(w, "handlerModulesImported", summary.HandlerModulesImported);
        w.WriteNumber("invocations", summary.Invocations);
        w.WriteNumber("coldInvocations", summary.ColdInvocations);
        w.WriteNumber("linesRead", summary.LinesRead);
        w.WriteNumber("linesUsed", summary.LinesUsed);
        w.WriteNumber("linesIgnored", summary.LinesIgnored);
        w.WriteNumber("linesSkipped", summary.Skipped.Total);
        w.WriteNumber("bytesRead", summary.BytesRead);
        w.WriteStartObject("skipped");
        foreach (var (reason, count) in summary.Skipped.NonZero)
        {
            w.WriteNumber(Labels.SkipReasonKey(reason), count);
        }

        w.WriteEndObject();
        w.WriteStartArray("sources");
        foreach (var source in summary.Sources)
        {
            w.WriteStartObject();
            w.WriteString("name", source.Name);
            w.WriteString("format", Labels.FormatKey(source.DetectedFormat));
            w.WriteNumber("lines", source.Lines);
            w.WriteBoolean("compressed", source.Compressed);
            w.WriteString("duplicateOf", source.DuplicateOf); // null (JSON null) when absent

            w.WriteEndObject();
        }

        w.WriteEndArray();
        JsonOutput.IncompleteColdStarts(w, summary.IncompleteColdStarts);
        w.WriteNumber("coldStartsWithUnknownInitImports", summary.ColdStartsWithUnknownInitImports);
        w.WriteNumber("subprocesses", summary.Subprocesses);
        w.WriteNumber("coldStartsWithSubprocesses", summary.ColdStartsWithSubprocesses);
        JsonOutput.Percentiles(w, "subprocessImportMs", summary.SubprocessImportMs);
        w.WriteNumber("duplicateEventsDropped", summary.DuplicateEventsDropped);
        w.WriteNumber("duplicateInputsSkipped", summary.DuplicateInputs.Count);
        JsonOutput.PartialInputs(w, summary.PartialInputs);
        w.WriteEndObject();

        Modules(w, "topBySelf", report.TopBySelf);
        Modules(w, "topByCumulative", report.TopByCumulative);
        Modules(w, "lazyImports", report.LazyImports);
        Ineffective(w, report.IneffectiveLazyImports);
        w.WriteNumber("coldStartsWithCachedRows", report.ColdStartsWithCachedRows);

        w.WritePropertyName("tree");
        if (ReportText.Walk(report.Tree).All(t => t.Depth <= ReportText.MaxIndentedDepth))
        {
            Tree(w, report.Tree);
        }
        else
        {
            // Indentation grows with depth: a chain thousands of imports deep would be gigabytes of spaces.
            w.WriteRawValue(JsonOutput.Compact(c => Tree(c, report.Tree)), skipInputValidation: true);
        }

        w.WriteEndObject();
    });

    private static void Modules(Utf8JsonWriter w, string name, IReadOnlyList<ModuleStat> modules)
    {
        w.WriteStartArray(name);
        foreach (var m in modules)
        {
            w.WriteStartObject();
            w.WriteString("name", m.Name);
            w.WriteString("class", Labels.Class(m.Class));
            w.WriteString("phase", Labels.Phase(m.Phase));
            JsonOutput.Number(w, "medianMs", m.MedianMs);
            JsonOutput.Number(w, "minMs", m.MinMs);
            JsonOutput.Number(w, "maxMs", m.MaxMs);
            JsonOutput.Number(w, "medianSelfMs", m.MedianSelfMs);
            JsonOutput.Number(w, "medianCumulativeMs", m.MedianCumulativeMs);
            w.WriteNumber("coldStarts", m.ColdStarts);
            JsonOutput.Number(w, "medianFirstInvocationMs", m.MedianFirstInvocationMs);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Ineffective(Utf8JsonWriter w, IReadOnlyList<IneffectiveLazyImport>? ineffective)
    {
        if (ineffective is null)
        {
            w.WriteNull("ineffectiveLazyImports");
            return;
        }

        w.WriteStartArray("ineffectiveLazyImports");
        foreach (var i in ineffective)
        {
            w.WriteStartObject();
            w.WriteString("name", i.Name);
            w.WriteString("class", Labels.Class(i.Class));
            w.WriteNumber("coldStarts", i.ColdStarts);
            w.WriteNumber("loadedAtInit", i.LoadedAtInit);
            w.WriteString("loadedBy", i.LoadedBy); // null (JSON null) when absent

            JsonOutput.Number(w, "medianInitCumulativeMs", i.MedianInitCumulativeMs);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The forest as nested objects, written with an explicit stack: no recursion, so any depth is fine.</summary>
    private static void Tree(Utf8JsonWriter w, IReadOnlyList<TreeNode> roots)
    {
        w.WriteStartArray();
        var open = new Stack<IEnumerator<TreeNode>>();
        open.Push(roots.GetEnumerator());
        while (open.TryPeek(out var siblings))
        {
            if (!siblings.MoveNext())
            {
                open.Pop().Dispose();
                w.WriteEndArray();
                if (open.Count > 0)
                {
                    w.WriteEndObject();
                }

                continue;
            }

            var node = siblings.Current;
            w.WriteStartObject();
            w.WriteString("name", node.Name);
            w.WriteString("class", Labels.Class(node.Class));
            w.WriteString("phase", Labels.Phase(node.Phase));
            JsonOutput.Number(w, "medianSelfMs", node.MedianSelfMs);
            JsonOutput.Number(w, "medianCumulativeMs", node.MedianCumulativeMs);
            JsonOutput.Number(w, "minCumulativeMs", node.MinCumulativeMs);
            JsonOutput.Number(w, "maxCumulativeMs", node.MaxCumulativeMs);
            w.WriteNumber("coldStarts", node.ColdStarts);
            w.WriteNumber("cachedColdStarts", node.CachedColdStarts);
            w.WriteStartArray("children");
            open.Push(node.Children.GetEnumerator());
        }
    }
}
