namespace ColdStart.Cli.Commands;

/// <summary>Output formats of <c>--format</c>.</summary>
public enum OutputFormat
{
    /// <summary>Aligned plain text for a terminal (the default).</summary>
    Text,

    /// <summary>GitHub-flavoured Markdown tables, e.g. for a pull-request comment.</summary>
    Markdown,

    /// <summary>JSON with a documented schema and a <c>schemaVersion</c>, for CI.</summary>
    Json,

    /// <summary>One self-contained HTML page with an icicle chart (<c>report</c> only).</summary>
    Html,
}
