using System.Runtime.CompilerServices;

// The end-to-end CLI tests live in the analysis test project (there is no separate CLI test project).
[assembly: InternalsVisibleTo("ColdStartAnalysis.Tests")]
