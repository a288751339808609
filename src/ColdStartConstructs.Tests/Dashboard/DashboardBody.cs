using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Constructs;
using Xunit;

namespace ColdStart.Constructs.Tests.Dashboard;

/// <summary>
/// Reads a synthesised <c>DashboardBody</c> (an <c>Fn::Join</c> of JSON text and tokens) back as JSON, each token
/// replaced by a placeholder such as <c>${Ref:LogicalId}</c>, so tests can look at widgets, metrics and queries.
/// </summary>
internal static class DashboardBody
{
    public static JsonObject Of(Template template)
    {
        var dashboards = template.FindResources("AWS::CloudWatch::Dashboard");
        var dashboard = Assert.Single(dashboards).Value;
        var properties = (IDictionary<string, object>)dashboard["Properties"];
        return JsonNode.Parse(Flatten(properties["DashboardBody"]))!.AsObject();
    }

    public static IEnumerable<JsonObject> Widgets(JsonObject body) => body["widgets"]!.AsArray().Select(w => w!.AsObject());

    public static string Title(JsonObject widget) => (string?)widget["properties"]!["title"] ?? "";

    /// <summary>The metric rows of a graph widget, e.g. <c>["AWS/Lambda","Invocations","FunctionName","${Ref:X}",{…}]</c>.</summary>
    public static IEnumerable<JsonArray> Metrics(JsonObject widget) =>
        widget["properties"]!["metrics"]?.AsArray().Select(m => m!.AsArray()) ?? [];

    /// <summary>A placeholder for <c>{"Ref": logicalId}</c>, as <see cref="Flatten"/> writes it.</summary>
    public static string Ref(string logicalId) => $"${{Ref:{logicalId}}}";

    /// <summary>The logical id of a construct's CloudFormation resource.</summary>
    public static string LogicalId(IConstruct construct) =>
        (string)Stack.Of(construct).Resolve(((CfnElement)(construct.Node.DefaultChild ?? construct)).LogicalId);

    public static string Flatten(object value) => value switch
    {
        string s => s,
        IDictionary<string, object> d when d.TryGetValue("Fn::Join", out var join) => Join((object[])join),
        IDictionary<string, object> d when d.TryGetValue("Ref", out var reference) => Ref((string)reference),
        IDictionary<string, object> d when d.TryGetValue("Fn::GetAtt", out var getAtt) => $"${{GetAtt:{string.Join(".", (object[])getAtt)}}}",
        IDictionary<string, object> d => throw new InvalidOperationException($"unexpected token in DashboardBody: {string.Join(", ", d.Keys)}"),
        _ => throw new InvalidOperationException($"unexpected value in DashboardBody: {value}"),
    };

    private static string Join(object[] join) =>
        string.Join((string)join[0], ((object[])join[1]).Select(Flatten));
}
