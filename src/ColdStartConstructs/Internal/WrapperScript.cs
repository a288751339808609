using System.Text.RegularExpressions;

namespace ColdStart.Constructs.Internal;

/// <summary>
/// Renders the layer's only executable: a POSIX <c>sh</c> script that Lambda starts as
/// <c>/opt/importtime_wrapper &lt;interpreter&gt; &lt;args…&gt;</c> (via <c>AWS_LAMBDA_EXEC_WRAPPER</c>).
/// It writes one profile-start line to stderr and execs the interpreter (or a chained wrapper) with the
/// <c>-X</c> options inserted right after argv[0], so <c>script</c>, <c>-u script</c> and <c>-m module</c> all work.
/// </summary>
internal static partial class WrapperScript
{
    /// <summary>File name at the layer zip's root, so the path on Lambda is <c>/opt/importtime_wrapper</c>.</summary>
    public const string FileName = "importtime_wrapper";

    /// <summary>Variable holding the user's previous <c>AWS_LAMBDA_EXEC_WRAPPER</c>; the script execs it instead of the interpreter.</summary>
    public const string ChainVariable = "COLDSTART_CHAINED_WRAPPER";

    /// <summary>Start of the one line the script writes before exec; the log analyser keys on it.</summary>
    public const string ProfileStartPrefix = "coldstart: importtime profile start; ";

    /// <summary>Exit code when the script is started without an interpreter (EX_USAGE from sysexits.h).</summary>
    public const int UsageExitCode = 64;

    // Defence in depth: the values are validated by XOptionRules already, but nothing that could mean
    // anything to sh (quotes, $, spaces, globs, %, backslashes) may ever reach the script text.
    [GeneratedRegex(@"^[a-z][a-z0-9_]*(=[A-Za-z0-9_]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SafeOption();

    /// <summary>
    /// Returns the script text (LF line endings, <c>#!/bin/sh</c>) that passes <c>-X</c> once per entry of
    /// <paramref name="xOptions"/>, in the given order.
    /// </summary>
    /// <param name="xOptions">CPython <c>-X</c> values such as <c>importtime</c>, <c>tracemalloc=5</c>, <c>dev</c>; must include <c>importtime</c> or <c>importtime=N</c>.</param>
    /// <exception cref="ArgumentException">An option is outside the safe character set, or no importtime option is present.</exception>
    public static string Render(IReadOnlyList<string> xOptions)
    {
        ArgumentNullException.ThrowIfNull(xOptions);
        foreach (var option in xOptions)
        {
            if (option is null || !SafeOption().IsMatch(option))
            {
                throw new ArgumentException(
                    $"-X option '{option}' is not of the form name or name=value (lowercase name, value of letters, digits and _).",
                    nameof(xOptions));
            }
        }
        if (!xOptions.Any(o => o == "importtime" || o.StartsWith("importtime=", StringComparison.Ordinal)))
        {
            throw new ArgumentException(
                $"-X options '{string.Join(" ", xOptions)}' must include importtime: the wrapper exists to profile imports.",
                nameof(xOptions));
        }

        var options = string.Join(" ", xOptions.Select(o => "-X " + o));
        // The common path (no chained wrapper) is one case, an assignment, shift, printf and exec: the cost is the
        // shell's own start, which is what a cold start pays for it. The case word is the argument count followed by
        // "c" when the chain variable is set at all, so one pattern match tells the three paths apart. The options are
        // baked into the printf format, which is safe because Render admits no % or backslash in them. The chain path
        // unsets the variable so neither the chained wrapper nor the user's code sees it, and a wrapper chained to
        // itself cannot loop.
        var profileStart = $"{ProfileStartPrefix}interpreter=%s; init_type=%s; options={options}; chain=";
        var script = $$"""
            #!/bin/sh
            # ColdStart import-time wrapper, generated at synth time; AWS_LAMBDA_EXEC_WRAPPER=/opt/{{FileName}} starts it.
            case $#${{{ChainVariable}}+c} in
            0|0c)
              printf '%s\n' 'coldstart: {{FileName}} needs the interpreter and its arguments: {{FileName}} <interpreter> [args...]; set AWS_LAMBDA_EXEC_WRAPPER=/opt/{{FileName}} instead of running it directly' >&2
              exit {{UsageExitCode}}
              ;;
            *c)
              interpreter=$1
              shift
              chain=${{ChainVariable}}
              unset {{ChainVariable}}
              reason=
              if [ -z "$chain" ]; then
                :
              elif [ "$chain" = "$0" ]; then
                reason='is this wrapper itself'
              elif [ ! -f "$chain" ] || [ ! -x "$chain" ]; then
                reason='is not an executable file'
              else
                printf '{{profileStart}}%s\n' "$interpreter" "${AWS_LAMBDA_INITIALIZATION_TYPE:-unknown}" "$chain" >&2
                exec "$chain" "$interpreter" {{options}} "$@"
              fi
              printf '{{profileStart}}none\n' "$interpreter" "${AWS_LAMBDA_INITIALIZATION_TYPE:-unknown}" >&2
              if [ -n "$reason" ]; then
                printf 'coldstart: warning: {{ChainVariable}}=%s %s; starting the interpreter without it\n' "$chain" "$reason" >&2
              fi
              exec "$interpreter" {{options}} "$@"
              ;;
            esac
            interpreter=$1
            shift
            printf '{{profileStart}}none\n' "$interpreter" "${AWS_LAMBDA_INITIALIZATION_TYPE:-unknown}" >&2
            exec "$interpreter" {{options}} "$@"

            """;
        // Raw literals take the source file's line endings: normalise so a Windows checkout renders the same bytes.
        return script.Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
