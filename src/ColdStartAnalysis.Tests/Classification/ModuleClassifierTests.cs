namespace ColdStart.Analysis.Tests.Classification;

public class ModuleClassifierTests
{
    private static readonly Version Py313 = new(3, 13);

    [Theory]
    [InlineData("bootstrap")]
    [InlineData("awslambdaric")]
    [InlineData("awslambdaric.lambda_runtime_client")]
    [InlineData("lambda_runtime_client")]
    [InlineData("lambda_runtime_marshaller")]
    [InlineData("rapid_client")]
    public void Lambda_runtime_modules(string name)
    {
        Assert.Equal(ModuleClass.LambdaRuntime, new ModuleClassifier().Classify(name, Py313));
    }

    [Theory]
    [InlineData("json.decoder")]
    [InlineData("_frozen_importlib_external")]
    [InlineData("encodings.utf_8")]
    [InlineData("xml.etree.ElementTree")]
    public void Standard_library_modules_by_top_level_package(string name)
    {
        Assert.Equal(ModuleClass.StandardLibrary, new ModuleClassifier().Classify(name, Py313));
    }

    [Theory]
    [InlineData("boto3")]
    [InlineData("botocore.session")]
    [InlineData("pydantic")]
    public void Everything_else_is_third_party(string name)
    {
        Assert.Equal(ModuleClass.ThirdParty, new ModuleClassifier().Classify(name, Py313));
    }

    [Fact]
    public void Standard_library_list_depends_on_the_version()
    {
        var classifier = new ModuleClassifier();

        Assert.Equal(ModuleClass.StandardLibrary, classifier.Classify("distutils.core", new Version(3, 11)));
        Assert.Equal(ModuleClass.ThirdParty, classifier.Classify("distutils.core", new Version(3, 12)));
        // newer than any list: the newest list; unknown: the union of all
        Assert.Equal(ModuleClass.ThirdParty, classifier.Classify("distutils", new Version(3, 14)));
        Assert.Equal(ModuleClass.StandardLibrary, classifier.Classify("distutils", null));
    }

    [Theory]
    [InlineData("app.handler", "app.models.order")]
    [InlineData("lambda_function.lambda_handler", "lambda_function")]
    [InlineData("json", "json.decoder")]
    public void Handler_top_level_package_is_user_code_even_when_it_shadows_another_name(string handler, string module)
    {
        Assert.Equal(ModuleClass.User, new ModuleClassifier(handler).Classify(module, Py313));
    }

    [Theory]
    [InlineData("python:3.13.v14", null, 3, 13)]
    [InlineData(null, "/var/lang/bin/python3.9", 3, 9)]
    [InlineData("python:3.12.v38", "/var/lang/bin/python3.13", 3, 12)]
    public void Python_version_from_runtime_version_or_interpreter(string? runtime, string? interpreter, int major, int minor)
    {
        Assert.Equal(new Version(major, minor), ModuleClassifier.PythonVersionOf(runtime, interpreter));
    }

    [Fact]
    public void Embedded_lists_cover_3_8_to_3_13()
    {
        Assert.Equal(Enumerable.Range(8, 6).Select(m => new Version(3, m)), ModuleClassifier.StandardLibraryVersions);
    }
}
