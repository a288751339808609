using System.Net;
using System.Net.Sockets;

namespace ColdStart.Lab.Internal;

/// <summary>
/// The environment of a local cold start, built from nothing (the user's own variables, credentials included, are
/// never passed on): Lambda's variables (docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html), fake
/// credentials, <c>AWS_ENDPOINT_URL</c> on a closed loopback port so SDK calls fail fast, no bytecode written,
/// then the function's literal variables and the lab's <c>--env</c> values.
/// </summary>
internal static class LambdaEnvironment
{
    /// <summary>Variables Lambda reserves: a function cannot set them, and neither can <c>--env</c>.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
        "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "TZ",
    };

    public const string FakeAccessKeyId = "ASIACOLDSTARTLABFAKE";

    private static readonly Lazy<int> ClosedPort = new(() =>
    {
        // A port the OS just handed out and that nothing listens on any more: connections are refused at once.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    });

    public static Dictionary<string, string> Build(LambdaFunction function, FunctionWorkspace workspace, string python,
        IReadOnlyDictionary<string, string> extra)
    {
        var name = function.LambdaName;
        var region = function.Region ?? "us-east-1";
        var endpoint = $"http://127.0.0.1:{ClosedPort.Value}";
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = string.Join(':', [Path.GetDirectoryName(python)!, "/usr/local/bin", "/usr/bin", "/bin"]),
            ["LANG"] = "en_US.UTF-8",
            ["TZ"] = ":UTC",
            ["HOME"] = workspace.Home,
            ["_HANDLER"] = function.Handler,
            ["AWS_REGION"] = region,
            ["AWS_DEFAULT_REGION"] = region,
            ["AWS_EXECUTION_ENV"] = "AWS_Lambda_" + function.Runtime,
            ["AWS_LAMBDA_FUNCTION_NAME"] = name,
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemoryMb.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + name,
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = "coldstart-lab/[$LATEST]local",
            ["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{ClosedPort.Value}",
            ["AWS_ACCESS_KEY_ID"] = FakeAccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = "coldstart-lab-fake-secret-access-key",
            ["AWS_SESSION_TOKEN"] = "coldstart-lab-fake-session-token",
            ["AWS_ENDPOINT_URL"] = endpoint,
            ["LAMBDA_TASK_ROOT"] = workspace.TaskRoot,
            ["LAMBDA_RUNTIME_DIR"] = Path.GetDirectoryName(workspace.Bootstrap)!,
            // Lambda's /var/task is read-only: no __pycache__ is written there, so every cold start compiles the code.
            ["PYTHONDONTWRITEBYTECODE"] = "1",
        };

        foreach (var (key, value) in function.Environment.Concat(extra))
        {
            if (!Reserved.Contains(key))
            {
                environment[key] = key is "AWS_LAMBDA_EXEC_WRAPPER" or "COLDSTART_CHAINED_WRAPPER" ? workspace.OptPath(value) ?? value : value;
            }
        }

        return environment;
    }
}
