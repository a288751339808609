using System.Text.Json;
using System.Text.Json.Nodes;
using ColdStart.Cli.Rendering.Internal;
using ColdStart.Lab;

namespace ColdStart.Cli.Rendering;

/// <summary>
/// Renders <c>coldstart profile</c> as JSON: one function is <c>coldstart report</c>'s document with a <c>lab</c>
/// object added; several are <c>{"kind": "profile", "functions": [{…, "report": {…}}]}</c>. Schema in docs/lab.md.
/// </summary>
internal static class JsonProfileRenderer
{
    public static string Render(IReadOnlyList<ProfiledFunction> functions, IReadOnlyList<SkippedFunction> skipped, IReadOnlyList<string> notes)
    {
        if (functions.Count == 1 && functions[0].Report is not null)
        {
            return FunctionDocument(functions[0], skipped, notes);
        }

        return JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", JsonOutput.SchemaVersion);
            w.WriteString("kind", "profile");
            w.WriteStartArray("functions");
            foreach (var f in functions)
            {
                w.WriteStartObject();
                w.WriteString("name", f.Name);
                w.WriteString("path", f.Profile.Function.LogicalId is null ? null : f.Name);
                w.WriteString("logicalId", f.Profile.Function.LogicalId);
                w.WriteString("runtime", f.Profile.Function.Runtime);
                w.WriteString("handler", f.Profile.Function.Handler);
                JsonOutput.Number(w, "initImportMs", f.InitImportMs);
                JsonOutput.Number(w, "firstInvocationLazyImportMs", f.LazyImportMs);
                JsonOutput.Number(w, "sumMs", f.SumMs);
                Heaviest(w, f);
                w.WriteString("problem", f.Profile.Problem);
                w.WriteNumber("coldStarts", f.Profile.ColdStarts.Count);
                w.WriteNumber("completed", f.Profile.Completed);
                w.WritePropertyName("report");
                if (f.Report is null)
                {
                    w.WriteNullValue();
                }
                else
                {
                    using var document = JsonDocument.Parse(FunctionDocument(f, [], []));
                    document.RootElement.WriteTo(w);
                }

                Strings(w, "failures", ProfileText.Failures(f.Profile));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Skipped(w, skipped);
            Strings(w, "notes", notes);
            w.WriteEndObject();
        });
    }

    /// <summary><c>coldstart report</c>'s JSON document of the function's log, with the <c>lab</c> object added last.</summary>
    public static string FunctionDocument(ProfiledFunction f, IReadOnlyList<SkippedFunction> skipped, IReadOnlyList<string> notes)
    {
        var report = JsonNode.Parse(JsonReportRenderer.Render(f.Report!))!.AsObject();
        report["lab"] = JsonNode.Parse(JsonOutput.Write(w => Lab(w, f, skipped, notes)));
        return JsonOutput.Write(w => report.WriteTo(w));
    }

    private static void Lab(Utf8JsonWriter w, ProfiledFunction f, IReadOnlyList<SkippedFunction> skipped, IReadOnlyList<string> notes)
    {
        var p = f.Profile;
        w.WriteStartObject();
        w.WriteStartObject("function");
        w.WriteString("name", f.Name);
        w.WriteString("logicalId", p.Function.LogicalId);
        w.WriteString("template", p.Function.Template);
        w.WriteString("runtime", p.Function.Runtime);
        w.WriteString("handler", p.Function.Handler);
        w.WriteString("code", p.Function.CodePath);
        Strings(w, "layers", p.Function.LayerPaths);
        w.WriteString("execWrapper", p.Function.ExecWrapper);
        w.WriteEndObject();
        w.WriteString("problem", p.Problem);
        w.WriteStartObject("python");
        w.WriteString("path", p.Python);
        w.WriteString("version", p.PythonVersion);
        w.WriteEndObject();
        Strings(w, "argv", p.Argv);
        w.WriteBoolean("ranWrapper", p.RanWrapper);
        w.WriteStartObject("preload");
        w.WriteString("mode", p.Preload?.Preload.ToString());
        w.WriteString("source", p.Preload?.Source);
        Strings(w, "modules", p.Preload?.Modules ?? []);
        Strings(w, "unavailable", p.PreloadMissing);
        w.WriteEndObject();
        w.WriteString("handlerModule", p.HandlerModule);
        Heaviest(w, f);
        w.WriteStartObject("coldStarts");
        w.WriteNumber("run", p.ColdStarts.Count);
        w.WriteNumber("completed", p.Completed);
        w.WriteNumber("childProcesses", p.ChildProcesses);
        w.WriteNumber("unaccountedProfiles", p.UnaccountedProfiles);
        w.WriteStartArray("failures");
        foreach (var c in p.ColdStarts.Where(c => !c.Completed))
        {
            w.WriteStartObject();
            w.WriteNumber("number", c.Number);
            w.WriteString("outcome", char.ToLowerInvariant(c.Outcome.ToString()[0]) + c.Outcome.ToString()[1..]);
            w.WriteString("errorType", c.ErrorType);
            w.WriteString("exceptionType", c.ExceptionType);
            w.WriteString("message", c.ErrorMessage);
            w.WriteString("missingModule", c.MissingModule);
            Strings(w, "frames", c.Frames);
            Strings(w, "output", c.OutputTail);
            w.WriteString("summary", ProfileText.Describe(c));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("noise");
        foreach (var s in p.Noise)
        {
            w.WriteStartObject();
            w.WriteString("figure", s.Figure);
            w.WriteNumber("count", s.Count);
            JsonOutput.Number(w, "medianMs", s.MedianMs);
            JsonOutput.Number(w, "minMs", s.MinMs);
            JsonOutput.Number(w, "maxMs", s.MaxMs);
            JsonOutput.Number(w, "spreadPercent", s.SpreadPercent, 1);
            w.WriteBoolean("noisy", s.IsNoisy);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("note", ProfileText.Relative);
        Strings(w, "notes", [.. p.Notes, .. notes]);
        var before = p.LoadedBeforeHandler;
        w.WriteStartArray("modules");
        foreach (var m in f.Modules)
        {
            w.WriteStartObject();
            w.WriteString("name", m.Name);
            w.WriteString("class", Labels.Class(m.Class));
            w.WriteString("phase", Labels.Phase(m.Phase));
            JsonOutput.Number(w, "medianCumulativeMs", m.MedianCumulativeMs);
            JsonOutput.Number(w, "medianSelfMs", m.MedianSelfMs);
            JsonOutput.Number(w, "minCumulativeMs", m.MinMs);
            JsonOutput.Number(w, "maxCumulativeMs", m.MaxMs);
            w.WriteNumber("coldStarts", m.ColdStarts);
            w.WriteBoolean("beforeHandler", before.Contains(m.Name));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Skipped(w, skipped);
        w.WriteEndObject();
    }

    private static void Heaviest(Utf8JsonWriter w, ProfiledFunction f)
    {
        if (f.Heaviest is not { } heaviest)
        {
            w.WriteNull("heaviestInitImport");
            return;
        }

        w.WriteStartObject("heaviestInitImport");
        w.WriteString("name", heaviest.Name);
        JsonOutput.Number(w, "medianCumulativeMs", heaviest.MedianCumulativeMs);
        w.WriteEndObject();
    }

    private static void Skipped(Utf8JsonWriter w, IReadOnlyList<SkippedFunction> skipped)
    {
        w.WriteStartArray("skipped");
        foreach (var s in skipped)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteString("logicalId", s.LogicalId);
            w.WriteString("runtime", s.Runtime);
            w.WriteString("reason", s.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
