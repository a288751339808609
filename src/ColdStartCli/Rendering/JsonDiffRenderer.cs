using ColdStart.Cli.Rendering.Internal;
using ColdStart.Lab;

namespace ColdStart.Cli.Rendering;

/// <summary>Renders <c>coldstart diff</c> as JSON (<c>"kind": "diff"</c>); the schema is in docs/lab.md.</summary>
internal static class JsonDiffRenderer
{
    public static string Render(IReadOnlyList<FunctionDiff> diffs) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", JsonOutput.SchemaVersion);
        w.WriteString("kind", "diff");
        w.WriteStartArray("functions");
        foreach (var d in diffs)
        {
            w.WriteStartObject();
            w.WriteString("name", d.Name);
            w.WriteBoolean("inBase", d.Baseline is not null);
            w.WriteBoolean("inNew", d.Current is not null);
            w.WriteBoolean("modulesApproximate", d.ModulesApproximate);
            w.WriteStartArray("figures");
            foreach (var f in d.Figures)
            {
                w.WriteStartObject();
                w.WriteString("figure", f.Figure);
                JsonOutput.Number(w, "base", f.Base);
                JsonOutput.Number(w, "new", f.New);
                JsonOutput.Number(w, "delta", f.Delta);
                JsonOutput.Number(w, "deltaPercent", f.DeltaPercent, 1);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("newAtInit");
            foreach (var m in d.NewAtInit)
            {
                w.WriteStringValue(m.Module);
            }

            w.WriteEndArray();
            w.WriteStartArray("modules");
            foreach (var m in d.Modules)
            {
                w.WriteStartObject();
                w.WriteString("name", m.Module);
                w.WriteString("basePhase", m.Base?.Phase);
                w.WriteString("newPhase", m.New?.Phase);
                JsonOutput.Number(w, "baseMs", m.Base?.MedianMs);
                JsonOutput.Number(w, "newMs", m.New?.MedianMs);
                JsonOutput.Number(w, "deltaMs", m.DeltaMs);
                JsonOutput.Number(w, "deltaPercent", m.DeltaPercent, 1);
                w.WriteBoolean("newAtInit", m.IsNewAtInit);
                w.WriteBoolean("beforeHandler", m.BeforeHandler);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
