namespace ColdStart.Analysis.Tests.Support;

/// <summary>Lambda platform lines in the text format of the shared facts file (TAB-separated fields).</summary>
internal static class LambdaLines
{
    public const string RequestA = "8f5c1d1e-0b1a-4c55-9a3e-2a7d0c3f9b11";
    public const string RequestB = "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9";
    public const string RequestC = "0c9a8b7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d";

    public static string InitStart(string version = "python:3.13.v14") =>
        $"INIT_START Runtime Version: {version}\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:0123456789abcdef";

    public static string Start(string request) => $"START RequestId: {request} Version: $LATEST";

    public static string End(string request) => $"END RequestId: {request}";

    public static string Report(string request, double duration, double? init = null, double? restore = null) =>
        $"REPORT RequestId: {request}\tDuration: {duration:0.00} ms\tBilled Duration: {Math.Ceiling(duration):0} ms\tMemory Size: 128 MB\tMax Memory Used: 56 MB"
        + (init is { } i ? $"\tInit Duration: {i:0.00} ms" : "")
        + (restore is { } r ? $"\tRestore Duration: {r:0.00} ms\tBilled Restore Duration: {Math.Ceiling(r):0} ms" : "");

    public static string Wrapper(string initType = "on-demand", string interpreter = "/var/lang/bin/python3.13") =>
        $"coldstart: importtime profile start; interpreter={interpreter}; init_type={initType}; options=-X importtime; chain=none";

    /// <summary>A small realistic profile: json (with children) and the handler module.</summary>
    public static string[] InitImports() =>
    [
        ImportTimeText.Header,
        ImportTimeText.Row(120, 120, 2, "_json"),
        ImportTimeText.Row(300, 420, 1, "json.scanner"),
        ImportTimeText.Row(250, 250, 1, "json.decoder"),
        ImportTimeText.Row(900, 1570, 0, "json"),
        ImportTimeText.Row(4000, 4000, 1, "boto3"),
        ImportTimeText.Row(700, 4700, 0, "app.handler"),
    ];

    public static string[] LazyImports() =>
    [
        ImportTimeText.Row(1900, 1900, 1, "_sqlite3"),
        ImportTimeText.Row(300, 2200, 0, "sqlite3"),
    ];
}
