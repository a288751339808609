using System.Security.Cryptography;
using System.Text;

namespace ColdStart.Cli.Rendering.Internal;

/// <summary>
/// The HTML report's only script (<c>IcicleZoom.js</c>, embedded): click a bar of the icicle to make it the full
/// width, click a breadcrumb to zoom back out. Inline, and allowed by the page's Content-Security-Policy through
/// its SHA-256 alone.
/// </summary>
internal static class IcicleZoom
{
    /// <summary>The script, as it goes between <c>&lt;script&gt;</c> and <c>&lt;/script&gt;</c>.</summary>
    public static readonly string Script = Load();

    /// <summary>The CSP source that allows exactly <see cref="Script"/>, e.g. <c>'sha256-…'</c>.</summary>
    public static readonly string HashSource = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script)))}'";

    private static string Load()
    {
        using var stream = typeof(IcicleZoom).Assembly.GetManifestResourceStream("ColdStart.Cli.IcicleZoom.js")
            ?? throw new InvalidOperationException("The embedded resource ColdStart.Cli.IcicleZoom.js is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);

        // One line ending on every platform, so the hash does not depend on how git checked the file out.
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
