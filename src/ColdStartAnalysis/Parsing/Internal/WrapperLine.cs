using System.Text;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// The profile-start line of the ColdStart layer's wrapper:
/// <c>coldstart: importtime profile start; interpreter=…; init_type=…; options=…; chain=…</c>.
/// Unknown keys are ignored and missing ones tolerated.
/// </summary>
internal static class WrapperLine
{
    public static ReadOnlySpan<byte> Prefix => "coldstart: importtime profile start"u8;

    public static bool TryParse(ReadOnlySpan<byte> line, out string? interpreter, out string initType)
    {
        interpreter = null;
        initType = InitTypes.Unknown;
        if (!line.StartsWith(Prefix))
        {
            return false;
        }

        foreach (var pair in Encoding.UTF8.GetString(line[Prefix.Length..]).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var value = pair[(equals + 1)..].Trim();
            switch (pair[..equals].Trim())
            {
                case "interpreter" when value.Length > 0:
                    interpreter = value;
                    break;
                case "init_type":
                    initType = InitTypes.Normalise(value);
                    break;
            }
        }

        return true;
    }
}
