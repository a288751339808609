using System.IO.Compression;

namespace ColdStart.Lab.Internal;

/// <summary>
/// A function put in place for local cold starts, in a scratch folder deleted afterwards: zips extracted (code as
/// Lambda's <c>/var/task</c>, layers as <c>/opt</c>), folders used where they are, the wrapper resolved, and the
/// bootstrap and its configuration written. Nothing is written into the user's folders.
/// </summary>
internal sealed class FunctionWorkspace : IDisposable
{
    /// <summary>First line of the wrapper ColdStart's layer ships (see ColdStart.Constructs' WrapperScript).</summary>
    private const string ColdStartWrapperHeader = "#!/bin/sh\n# ColdStart import-time wrapper";

    private FunctionWorkspace(string scratch) => Scratch = scratch;

    public string Scratch { get; }

    /// <summary>The code folder: the working directory and first <c>sys.path</c> entry.</summary>
    public string TaskRoot { get; private set; } = "";

    /// <summary>Each layer's folder (the equivalent of <c>/opt</c>), in the function's order.</summary>
    public IReadOnlyList<string> Layers { get; private set; } = [];

    /// <summary>The <c>sys.path</c> entries before the standard library: the code, then the layers' python folders.</summary>
    public IReadOnlyList<string> PythonPath { get; private set; } = [];

    /// <summary>The wrapper's local file, or null when the function has none.</summary>
    public string? Wrapper { get; private set; }

    /// <summary>Whether <see cref="Wrapper"/> is ColdStart's import-time wrapper (it adds <c>-X importtime</c> itself).</summary>
    public bool WrapperIsColdStarts { get; private set; }

    /// <summary>The bootstrap script, compiled by the function's interpreter (its source when that failed).</summary>
    public string Bootstrap { get; private set; } = "";

    /// <summary>An empty folder used as HOME, so no file of the user's own home (e.g. ~/.aws) is read.</summary>
    public string Home { get; private set; } = "";

    /// <exception cref="LabException">The code or a layer cannot be read, or the wrapper is not in a local layer.</exception>
    public static FunctionWorkspace Create(LambdaFunction function, string python)
    {
        var workspace = new FunctionWorkspace(Directory.CreateTempSubdirectory("coldstart-lab-").FullName);
        try
        {
            workspace.Prepare(function, python);
            return workspace;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    public string File(string name) => Path.Combine(Scratch, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A process the function started may still hold a file; the OS cleans temp folders eventually.
        }
    }

    private void Prepare(LambdaFunction function, string python)
    {
        TaskRoot = Place(function.CodePath, "task", $"{function.Name}: code");
        Layers = function.LayerPaths.Select((layer, i) => Place(layer, $"layer{i + 1}", $"{function.Name}: layer {i + 1}")).ToList();

        // Lambda puts site-packages before python (AWS docs, "Layer paths for each Lambda runtime"); a later layer's
        // files replace an earlier one's in /opt, so later layers come first here.
        var sitePackages = $"python/lib/python{function.PythonVersion}/site-packages";
        PythonPath = [TaskRoot,
            .. Layers.Reverse().Select(l => Path.Combine(l, sitePackages)).Where(Directory.Exists),
            .. Layers.Reverse().Select(l => Path.Combine(l, "python")).Where(Directory.Exists)];

        if (function.ExecWrapper is { } wrapper)
        {
            Wrapper = OptPath(wrapper) ?? throw new LabException(
                $"{function.Name}: AWS_LAMBDA_EXEC_WRAPPER={wrapper} is not in any of its local layers"
                + (function.NonLocalLayers.Count > 0 ? $" (it has {function.NonLocalLayers.Count} layer(s) that are not local assets: {string.Join(", ", function.NonLocalLayers)})" : "")
                + "; the lab runs the wrapper from the function's layers.");
            if (!OperatingSystem.IsWindows() && (System.IO.File.GetUnixFileMode(Wrapper) & UnixFileMode.UserExecute) == 0)
            {
                throw new LabException($"{function.Name}: AWS_LAMBDA_EXEC_WRAPPER={wrapper} is not executable in its layer ({Wrapper}): Lambda would refuse it too ('is not an executable').");
            }

            using var reader = new StreamReader(Wrapper);
            var start = new char[ColdStartWrapperHeader.Length];
            WrapperIsColdStarts = reader.ReadBlock(start) == start.Length && new string(start) == ColdStartWrapperHeader;
        }

        var source = Path.Combine(Directory.CreateDirectory(File("runtime")).FullName, "bootstrap.py");
        using (var resource = typeof(FunctionWorkspace).Assembly.GetManifestResourceStream("ColdStart.Lab.bootstrap.py")!)
        using (var target = System.IO.File.Create(source))
        {
            resource.CopyTo(target);
        }

        // Compiling the script takes about a millisecond and a half: done once here instead of in every cold start.
        var compiled = Path.ChangeExtension(source, ".pyc");
        var compile = ColdStartProcess.Run([python, "-S", "-c", "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)", source, compiled],
            Scratch, new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, TimeSpan.FromSeconds(60));
        Bootstrap = compile.ExitCode == 0 && System.IO.File.Exists(compiled) ? compiled : source;

        Home = Directory.CreateDirectory(File("home")).FullName;
    }

    /// <summary>A path under <c>/opt</c> as a file of the function's layers (the last layer that has it), or null.</summary>
    public string? OptPath(string path)
    {
        if (!path.StartsWith("/opt/", StringComparison.Ordinal))
        {
            return null;
        }

        var relative = path["/opt/".Length..];
        return Layers.Reverse().Select(l => Path.Combine(l, relative)).FirstOrDefault(System.IO.File.Exists);
    }

    private string Place(string path, string name, string what)
    {
        if (Directory.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        if (!System.IO.File.Exists(path))
        {
            throw new LabException($"{what}: '{path}' does not exist (expected a folder or a zip file).");
        }

        var target = File(name);
        try
        {
            ZipFile.ExtractToDirectory(path, target);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new LabException($"{what}: cannot extract '{path}' ({e.Message}); expected a zip file as Lambda takes it.", e);
        }

        return target;
    }
}
