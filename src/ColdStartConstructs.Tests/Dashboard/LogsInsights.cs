using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ColdStart.Constructs.Tests.Dashboard;

/// <summary>
/// Runs a Logs Insights query over log events, for the part of the query language the dashboard writes, with the
/// semantics AWS documents (CWL_QuerySyntax, CWL_AnalyzeLogData-discoverable-fields): the system fields
/// <c>@message</c>, <c>@timestamp</c>, <c>@logStream</c>, <c>@log</c>; the fields Logs Insights discovers on Lambda's
/// text REPORT lines (<c>@type</c>, <c>@duration</c>, <c>@initDuration</c>…, lambda-facts.md); JSON events flattened
/// with dots (<c>record.metrics.initDurationMs</c>); <c>filter</c>, <c>parse</c> with a regular expression, <c>fields</c>,
/// <c>stats … by</c>, <c>sort</c>, <c>limit</c>, <c>display</c>. Anything else throws, so a query that starts using
/// something new fails its tests until this runner learns it. Percentiles are nearest-rank; tests assert them only
/// where every definition agrees.
/// </summary>
internal static partial class LogsInsights
{
    public const string Account = "123456789012";

    public sealed record LogEvent(string LogGroup, string Stream, DateTimeOffset Time, string Message);

    public static List<Dictionary<string, object?>> Run(string query, IEnumerable<LogEvent> events)
    {
        var rows = events.Select(Discover).ToList();
        foreach (var command in query.Split("\n| "))
        {
            var space = command.IndexOf(' ');
            var (verb, rest) = (command[..space], command[(space + 1)..]);
            rows = verb switch
            {
                "filter" => Filter(rows, Parser.Expression(rest)),
                "parse" => Parse(rows, rest),
                "fields" => Fields(rows, rest),
                "stats" => Stats(rows, rest),
                "sort" => Sort(rows, rest),
                "limit" => [.. rows.Take(int.Parse(rest, CultureInfo.InvariantCulture))],
                "display" => [.. rows.Select(r => Split(rest).ToDictionary(f => f, f => r.GetValueOrDefault(f)))],
                _ => throw new NotSupportedException($"Logs Insights command '{verb}' is not known to the test runner"),
            };
        }

        return rows;
    }

    /// <summary>The fields Logs Insights gives an event before the query runs.</summary>
    private static Dictionary<string, object?> Discover(LogEvent e)
    {
        var row = new Dictionary<string, object?>
        {
            ["@message"] = e.Message,
            ["@timestamp"] = (double)e.Time.ToUnixTimeMilliseconds(),
            ["@logStream"] = e.Stream,
            ["@log"] = $"{Account}:{e.LogGroup}",
        };
        var message = e.Message.TrimEnd('\n');
        if (message.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(message);
                Flatten(json.RootElement, "", row);
            }
            catch (JsonException)
            {
                // not JSON: only the system fields
            }
        }
        else if (message.StartsWith("REPORT RequestId: ", StringComparison.Ordinal))
        {
            row["@type"] = "REPORT";
            foreach (var field in message.Split('\t'))
            {
                var colon = field.IndexOf(": ", StringComparison.Ordinal);
                if (colon < 0)
                {
                    continue;
                }

                var value = field[(colon + 2)..].Split(' ')[0];
                var name = field[..colon] switch
                {
                    "REPORT RequestId" => "@requestId",
                    "Duration" => "@duration",
                    "Billed Duration" => "@billedDuration",
                    "Memory Size" => "@memorySize",
                    "Max Memory Used" => "@maxMemoryUsed",
                    "Init Duration" => "@initDuration",
                    _ => null,
                };
                if (name is not null)
                {
                    row[name] = name == "@requestId" ? value : double.Parse(value, CultureInfo.InvariantCulture);
                }
            }
        }

        return row;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, object?> row)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}", row);
                }

                break;
            case JsonValueKind.Number:
                row[prefix] = element.GetDouble();
                break;
            case JsonValueKind.String:
                row[prefix] = element.GetString();
                break;
            case JsonValueKind.True or JsonValueKind.False:
                row[prefix] = element.GetBoolean();
                break;
        }
    }

    private static List<Dictionary<string, object?>> Filter(List<Dictionary<string, object?>> rows, Node condition) =>
        [.. rows.Where(r => Truthy(condition.Evaluate(r)))];

    private static List<Dictionary<string, object?>> Parse(List<Dictionary<string, object?>> rows, string rest)
    {
        var match = ParseCommand().Match(rest);
        if (!match.Success)
        {
            throw new NotSupportedException($"parse form not known to the test runner: {rest}");
        }

        var regex = new Regex(match.Groups["regex"].Value);
        foreach (var row in rows)
        {
            if (row.GetValueOrDefault(match.Groups["field"].Value) is string text && regex.Match(text) is { Success: true } found)
            {
                foreach (var name in regex.GetGroupNames().Where(n => !int.TryParse(n, out _)))
                {
                    row[name] = found.Groups[name].Value;
                }
            }
        }

        return rows;
    }

    private static List<Dictionary<string, object?>> Fields(List<Dictionary<string, object?>> rows, string rest)
    {
        var assignments = Split(rest).Select(Alias).ToList();
        foreach (var row in rows)
        {
            // every expression sees the row as it was before this command
            var values = assignments.Select(a => (a.Name, Value: a.Expression.Evaluate(row))).ToList();
            foreach (var (name, value) in values)
            {
                row[name] = value;
            }
        }

        return rows;
    }

    private static List<Dictionary<string, object?>> Stats(List<Dictionary<string, object?>> rows, string rest)
    {
        var by = rest.LastIndexOf(" by ", StringComparison.Ordinal);
        var aggregates = Split(by < 0 ? rest : rest[..by]).Select(Alias).ToList();
        var keys = by < 0 ? [] : Split(rest[(by + 4)..]).Select(k => (Name: k, Expression: Parser.Expression(k))).ToList();
        return
        [
            .. rows.GroupBy(r => string.Join("\u0001", keys.Select(k => Convert.ToString(k.Expression.Evaluate(r), CultureInfo.InvariantCulture))))
                .Select(group =>
                {
                    var result = keys.ToDictionary(k => k.Name, k => k.Expression.Evaluate(group.First()));
                    foreach (var (name, expression) in aggregates)
                    {
                        result[name] = expression.Aggregate([.. group]);
                    }

                    return result;
                }),
        ];
    }

    private static List<Dictionary<string, object?>> Sort(List<Dictionary<string, object?>> rows, string rest)
    {
        var parts = rest.Split(' ');
        var key = (Dictionary<string, object?> r) => Number(r.GetValueOrDefault(parts[0])) ?? double.NegativeInfinity;
        return parts.ElementAtOrDefault(1) == "desc" ? [.. rows.OrderByDescending(key)] : [.. rows.OrderBy(key)];
    }

    private static (string Name, Node Expression) Alias(string text)
    {
        var at = text.LastIndexOf(" as ", StringComparison.Ordinal);
        return at < 0 ? (text, Parser.Expression(text)) : (text[(at + 4)..].Trim(), Parser.Expression(text[..at]));
    }

    /// <summary>Splits on the commas that are not inside parentheses or strings (lists hold no regular expressions).</summary>
    private static IEnumerable<string> Split(string text)
    {
        var depth = 0;
        var start = 0;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                quote = c == q ? null : q;
                continue;
            }

            switch (c)
            {
                case '"':
                    quote = c;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i].Trim();
                    start = i + 1;
                    break;
            }
        }

        yield return text[start..].Trim();
    }

    internal static double? Number(object? value) => value switch
    {
        double d => d,
        bool b => b ? 1 : 0,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        double d => d != 0,
        _ => true,
    };

    [GeneratedRegex(@"^(?<field>@?\w+) /(?<regex>.*)/$")]
    private static partial Regex ParseCommand();

    /// <summary>An expression: evaluated per event, or (with aggregate functions inside) per group of events.</summary>
    internal abstract record Node
    {
        public abstract object? Evaluate(Dictionary<string, object?> row);

        public virtual object? Aggregate(IReadOnlyList<Dictionary<string, object?>> group) => Evaluate(group[0]);
    }

    private sealed record Constant(object? Value) : Node
    {
        public override object? Evaluate(Dictionary<string, object?> row) => Value;
    }

    private sealed record Field(string Name) : Node
    {
        public override object? Evaluate(Dictionary<string, object?> row) => row.GetValueOrDefault(Name);
    }

    private sealed record Binary(string Operator, Node Left, Node Right) : Node
    {
        public override object? Evaluate(Dictionary<string, object?> row) => Apply(Left.Evaluate(row), Right.Evaluate(row));

        public override object? Aggregate(IReadOnlyList<Dictionary<string, object?>> group) => Apply(Left.Aggregate(group), Right.Aggregate(group));

        private object? Apply(object? left, object? right)
        {
            switch (Operator)
            {
                case "and":
                    return Truthy(left) && Truthy(right);
                case "or":
                    return Truthy(left) || Truthy(right);
                case "=":
                    return left is not null && right is not null
                        && (Number(left) is { } l && Number(right) is { } r ? l == r : string.Equals(Convert.ToString(left, CultureInfo.InvariantCulture), Convert.ToString(right, CultureInfo.InvariantCulture), StringComparison.Ordinal));
                case "like":
                    return left is not null && (right is Regex regex
                        ? regex.IsMatch(Convert.ToString(left, CultureInfo.InvariantCulture)!)
                        : Convert.ToString(left, CultureInfo.InvariantCulture)!.Contains((string)right!, StringComparison.Ordinal));
            }

            if (Number(left) is not { } a || Number(right) is not { } b)
            {
                return null;
            }

            return Operator switch
            {
                "+" => a + b,
                "-" => a - b,
                "*" => a * b,
                "/" => b == 0 ? null : a / b,
                _ => throw new NotSupportedException($"operator {Operator}"),
            };
        }
    }

    private sealed record Call(string Name, IReadOnlyList<Node> Arguments) : Node
    {
        private static readonly HashSet<string> Aggregates = ["count", "sum", "avg", "max", "min", "pct"];

        public override object? Evaluate(Dictionary<string, object?> row) => Name switch
        {
            "ispresent" => Arguments[0].Evaluate(row) is not null,
            "strcontains" => Arguments[0].Evaluate(row) is string text && text.Contains((string)Arguments[1].Evaluate(row)!, StringComparison.Ordinal) ? 1.0 : 0.0,
            "coalesce" => Arguments.Select(a => a.Evaluate(row)).FirstOrDefault(v => v is not null),
            "bin" => Number(row["@timestamp"]) is { } ms ? Math.Floor(ms / (double)Arguments[0].Evaluate(row)!) : null,
            _ when Aggregates.Contains(Name) => throw new InvalidOperationException($"{Name}() outside stats"),
            _ => throw new NotSupportedException($"Logs Insights function {Name}() is not known to the test runner"),
        };

        public override object? Aggregate(IReadOnlyList<Dictionary<string, object?>> group)
        {
            if (!Aggregates.Contains(Name))
            {
                return Evaluate(group[0]);
            }

            if (Name == "count")
            {
                return Arguments is [Constant { Value: "*" }] ? (double)group.Count : throw new NotSupportedException("only count(*) is known to the test runner");
            }

            var values = group.Select(r => Number(Arguments[0].Evaluate(r))).OfType<double>().OrderBy(v => v).ToList();
            if (values.Count == 0)
            {
                return null;
            }

            return Name switch
            {
                "sum" => values.Sum(),
                "avg" => values.Average(),
                "max" => values[^1],
                "min" => values[0],
                _ => values[Math.Max(0, (int)Math.Ceiling((double)Arguments[1].Evaluate(group[0])! / 100 * values.Count) - 1)],
            };
        }
    }

    /// <summary>Recursive descent over: or, and, comparison / like, + -, * /, calls, fields, numbers, strings, /regex/.</summary>
    private sealed class Parser
    {
        private readonly List<string> _tokens;
        private int _at;

        private Parser(string text) => _tokens = Tokens(text);

        public static Node Expression(string text)
        {
            var parser = new Parser(text);
            var node = parser.Or();
            return parser._at == parser._tokens.Count ? node : throw new NotSupportedException($"cannot read '{text}' from '{parser._tokens[parser._at]}'");
        }

        private string? Peek => _at < _tokens.Count ? _tokens[_at] : null;

        private string Next() => _tokens[_at++];

        private Node Or() => Chain(And, "or");

        private Node And() => Chain(Comparison, "and");

        private Node Comparison()
        {
            var left = Additive();
            return Peek is "=" or "like" ? new Binary(Next(), left, Additive()) : left;
        }

        private Node Additive() => Chain(Multiplicative, "+", "-");

        private Node Multiplicative() => Chain(Primary, "*", "/");

        private Node Chain(Func<Node> operand, params string[] operators)
        {
            var node = operand();
            while (Peek is { } op && operators.Contains(op))
            {
                Next();
                node = new Binary(op, node, operand());
            }

            return node;
        }

        private Node Primary()
        {
            var token = Next();
            switch (token[0])
            {
                case '(':
                    var inner = Or();
                    return Next() == ")" ? inner : throw new NotSupportedException("unbalanced parentheses");
                case '"':
                    return new Constant(token[1..^1]);
                case '/':
                    return new Constant(new Regex(token[1..^1]));
                case '*':
                    return new Constant("*");
                case >= '0' and <= '9':
                    return new Constant(Duration(token));
            }

            if (Peek != "(")
            {
                return new Field(token);
            }

            Next();
            var arguments = new List<Node>();
            while (Peek != ")")
            {
                arguments.Add(Or());
                if (Peek == ",")
                {
                    Next();
                }
            }

            Next();
            return new Call(token, arguments);
        }

        /// <summary>A number, or a bin size such as <c>15m</c> in milliseconds.</summary>
        private static double Duration(string token)
        {
            var unit = token.TrimStart("0123456789.".ToCharArray());
            var number = double.Parse(token[..^unit.Length], CultureInfo.InvariantCulture);
            return unit switch
            {
                "" => number,
                "m" => number * 60_000,
                "h" => number * 3_600_000,
                _ => throw new NotSupportedException($"time unit {unit}"),
            };
        }

        /// <summary>Strings, numbers (with a time unit for bin sizes), names, operators; <c>/…/</c> is a regular expression only after <c>like</c>.</summary>
        private static List<string> Tokens(string text)
        {
            var tokens = new List<string>();
            for (var i = 0; i < text.Length;)
            {
                var c = text[i];
                int end;
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                if (c == '"')
                {
                    end = text.IndexOf('"', i + 1) + 1;
                }
                else if (c == '/' && tokens.LastOrDefault() == "like")
                {
                    end = i + 1;
                    while (text[end] != '/')
                    {
                        end += text[end] == '\\' ? 2 : 1;
                    }

                    end++;
                }
                else if (char.IsLetterOrDigit(c) || c is '@' or '_')
                {
                    end = i + 1;
                    while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '.'))
                    {
                        end++;
                    }
                }
                else if ("()*,+-/=".Contains(c))
                {
                    end = i + 1;
                }
                else
                {
                    throw new NotSupportedException($"character '{c}' in '{text}' is not known to the test runner");
                }

                tokens.Add(text[i..end]);
                i = end;
            }

            return tokens;
        }
    }
}
