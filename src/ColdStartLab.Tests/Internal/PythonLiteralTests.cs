using ColdStart.Lab.Internal;
using ColdStart.Lab.Tests.Support;

namespace ColdStart.Lab.Tests.Internal;

/// <summary>The event reaches the handler as the value <c>json.loads</c> would give, without the bootstrap importing json.</summary>
public sealed class PythonLiteralTests
{
    [Theory]
    [InlineData("{\"a\": 1, \"b\": [true, false, null], \"c\": {\"d\": -0.5e3}}")]
    [InlineData("[\"t\\u00e9a\", \"\\ud83c\\udf75\", \"quote \\\" back \\\\ slash\", \"tab\\tnew\\nline\", \"\\u0000\\u001f\\u007f\"]")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("[1.0, 1, 1e2, 1E-2, 0, -0, 3.141592653589793]")]
    [InlineData("\"\\u2028\\u2029 line separators and 'single' quotes\"")]
    [InlineData("{\"\": {}, \"nested\": [[[[]]]]}")]
    public void Evaluates_to_what_json_loads_returns(string json)
    {
        using var temp = new TempFolder();
        var literal = temp.Write("literal.py", PythonLiteral.FromJson(json));
        var document = temp.Write("event.json", json);
        var (_, stdout, stderr) = Python.Run(LocalPython.Find(LocalPython.Installed()[^1])!, "-c",
            "import json, sys; a = eval(open(sys.argv[1], encoding='utf-8').read(), {'__builtins__': {}}); b = json.loads(open(sys.argv[2], encoding='utf-8').read()); "
            + "print(a == b and repr(a) == repr(b) and type(a) is type(b))", literal, document);

        Assert.True(stdout.Trim() == "True", $"{PythonLiteral.FromJson(json)}: {stdout}{stderr}");
    }
}
