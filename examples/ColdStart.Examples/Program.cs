using Amazon.CDK;
using ColdStart.Examples;

// Synthesises without an AWS account: the stages are environment-agnostic.
System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
// `cdk synth` passes CDK_OUTDIR; `dotnet run` writes to ./cdk.out as well.
var app = new App(new AppProps
{
    Outdir = System.Environment.GetEnvironmentVariable("CDK_OUTDIR") ?? Path.GetFullPath("cdk.out"),
});
ExampleApp.Build(app);
app.Synth();
