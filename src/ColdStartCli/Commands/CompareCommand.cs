using System.CommandLine;
using System.Globalization;
using ColdStart.Analysis;
using ColdStart.Analysis.Comparison;
using ColdStart.Analysis.Pricing;
using ColdStart.Cli.Internal;
using ColdStart.Cli.Rendering;

namespace ColdStart.Cli.Commands;

/// <summary><c>coldstart compare NAME=FILES …</c>: strategies side by side, with a monthly cost estimate each.</summary>
internal static class CompareCommand
{
    private static readonly Dictionary<string, string> OptionByPricingProperty = new()
    {
        [nameof(PricingModel.MonthlyRequests)] = "--monthly-requests",
        [nameof(PricingModel.MemoryMb)] = "--memory-mb",
        [nameof(PricingModel.ProvisionedConcurrency)] = "--provisioned-concurrency",
        [nameof(PricingModel.SpilloverFraction)] = "--spillover",
        [nameof(PricingModel.OnDemandPricePerGbSecond)] = "--on-demand-price",
        [nameof(PricingModel.ProvisionedPricePerGbSecond)] = "--provisioned-price",
        [nameof(PricingModel.ProvisionedDurationPricePerGbSecond)] = "--provisioned-duration-price",
        [nameof(PricingModel.RequestPricePerMillion)] = "--request-price",
        [nameof(PricingModel.Arm64PriceFactor)] = "--arm64-factor",
        [nameof(PricingModel.HoursPerMonth)] = "--hours-per-month",
    };

    public static Command Create(CliConsole console)
    {
        var strategies = new Argument<string[]>("STRATEGY")
        {
            Description = "A strategy as NAME=FILE[,FILE…] (e.g. lazy=lazy.log prewarmed=pc-1.log,pc-2.log); - reads standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var strategyOption = new Option<string[]>("--strategy", "-s")
        {
            Description = "Another strategy as NAME=FILE[,FILE…]; repeatable, same as the positional form.",
            HelpName = "NAME=FILES",
            AllowMultipleArgumentsPerToken = false,
        };
        var kinds = new Option<string[]>("--kind")
        {
            Description = "Price a strategy as on-demand or provisioned: NAME=on-demand|provisioned; repeatable. Default: provisioned when its logs show provisioned-concurrency inits, otherwise on-demand.",
            HelpName = "NAME=KIND",
            AllowMultipleArgumentsPerToken = false,
        };
        var format = SharedOptions.Format("text", "markdown", "json");
        var output = SharedOptions.Output();
        var splitAfter = SharedOptions.SplitAfter();
        var handler = SharedOptions.Handler();

        var requests = new Option<double>("--monthly-requests") { Description = "Requests per month, for every strategy.", DefaultValueFactory = _ => 1_000_000, HelpName = "N" };
        var memory = new Option<int?>("--memory-mb") { Description = "Function memory in MB. Default: the median Memory Size of each strategy's REPORT lines (128 when there are none).", HelpName = "MB" };
        var architecture = new Option<string>("--architecture") { Description = "x86_64 or arm64 (arm64 multiplies GB-second prices by --arm64-factor).", DefaultValueFactory = _ => "x86_64" };
        architecture.AcceptOnlyFromAmong("x86_64", "arm64");
        var concurrency = new Option<int>("--provisioned-concurrency") { Description = "Provisioned concurrency of provisioned strategies.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var spillover = new Option<double?>("--spillover") { Description = "Share of requests (0-1) that spill over to on-demand under provisioned concurrency. Default: as measured in the logs.", HelpName = "FRACTION" };
        var initBilled = new Option<bool>("--init-billed") { Description = "Bill the INIT phase of on-demand cold starts (true since 2025-08-01; pass false for older bills).", DefaultValueFactory = _ => true, HelpName = "true|false" };
        var onDemandPrice = new Option<double>("--on-demand-price") { Description = "USD per on-demand GB-second (us-east-1 x86).", DefaultValueFactory = _ => PricingModel.DefaultOnDemandPricePerGbSecond, HelpName = "USD" };
        var provisionedPrice = new Option<double>("--provisioned-price") { Description = "USD per provisioned-concurrency GB-second configured (us-east-1 x86).", DefaultValueFactory = _ => PricingModel.DefaultProvisionedPricePerGbSecond, HelpName = "USD" };
        var provisionedDurationPrice = new Option<double>("--provisioned-duration-price") { Description = "USD per GB-second of duration on provisioned environments (us-east-1 x86).", DefaultValueFactory = _ => PricingModel.DefaultProvisionedDurationPricePerGbSecond, HelpName = "USD" };
        var requestPrice = new Option<double>("--request-price") { Description = "USD per million requests.", DefaultValueFactory = _ => PricingModel.DefaultRequestPricePerMillion, HelpName = "USD" };
        var armFactor = new Option<double>("--arm64-factor") { Description = "Multiplier for GB-second prices on arm64.", DefaultValueFactory = _ => PricingModel.DefaultArm64PriceFactor, HelpName = "FACTOR" };
        var hours = new Option<double>("--hours-per-month") { Description = "Hours in a billing month (provisioned concurrency is always on).", DefaultValueFactory = _ => 730, HelpName = "HOURS" };

        var command = new Command("compare", "Compare cold-start strategies side by side: cold-start rate, Init Duration, first-invocation and warm latency, lazy-import cost, and an estimated monthly bill for each, with the break-even utilisation of provisioned concurrency.")
        {
            strategies, strategyOption, kinds, format, output, splitAfter, handler,
            requests, memory, architecture, concurrency, spillover, initBilled,
            onDemandPrice, provisionedPrice, provisionedDurationPrice, requestPrice, armFactor, hours,
        };

        command.SetAction(parsed => ColdStartApp.Guard(console, "compare", () =>
        {
            var specs = (parsed.GetValue(strategies) ?? []).Concat(parsed.GetValue(strategyOption) ?? [])
                .Select(ParseStrategy)
                .ToList();
            if (specs.Count == 0)
            {
                throw new UsageException("no strategies given: expected NAME=FILE[,FILE…] at least once (e.g. coldstart compare lazy=lazy.log prewarmed=pc.log).");
            }

            var duplicate = specs.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new UsageException($"strategy '{duplicate.Key}' is given twice: names must be unique (list several files as {duplicate.Key}=a.log,b.log).");
            }

            if (specs.Sum(s => s.Files.Count(f => f == "-")) > 1)
            {
                throw new UsageException("- (standard input) can be given only once.");
            }

            var kindOverrides = (parsed.GetValue(kinds) ?? []).Select(ParseKind).ToDictionary(k => k.Name, k => k.Kind, StringComparer.Ordinal);
            foreach (var name in kindOverrides.Keys.Where(k => specs.All(s => s.Name != k)))
            {
                throw new UsageException($"--kind: '{name}' is not one of the strategies ({string.Join(", ", specs.Select(s => s.Name))}).");
            }

            var pricing = new PricingModel
            {
                MonthlyRequests = parsed.GetValue(requests),
                MemoryMb = parsed.GetValue(memory),
                Architecture = parsed.GetValue(architecture) == "arm64" ? Architecture.Arm64 : Architecture.X86_64,
                ProvisionedConcurrency = parsed.GetValue(concurrency),
                SpilloverFraction = parsed.GetValue(spillover),
                InitBilled = parsed.GetValue(initBilled),
                OnDemandPricePerGbSecond = parsed.GetValue(onDemandPrice),
                ProvisionedPricePerGbSecond = parsed.GetValue(provisionedPrice),
                ProvisionedDurationPricePerGbSecond = parsed.GetValue(provisionedDurationPrice),
                RequestPricePerMillion = parsed.GetValue(requestPrice),
                Arm64PriceFactor = parsed.GetValue(armFactor),
                HoursPerMonth = parsed.GetValue(hours),
            };
            try
            {
                pricing.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                var option = e.ParamName is { } p && OptionByPricingProperty.TryGetValue(p, out var o) ? o : e.ParamName;
                throw new UsageException($"{option}: {e.Message.Split(" (Parameter")[0]}");
            }

            var parseOptions = SharedOptions.ParseOptions(parsed, splitAfter, handler);
            var results = new List<(string Name, Analysis.ParseResult Result)>();
            foreach (var spec in specs)
            {
                var sources = InputFiles.Open(spec.Files, console);
                var result = InputFiles.Parse(spec.Files, sources, parseOptions, console);
                if (result.ColdStarts.Count == 0 && result.Invocations.Count == 0)
                {
                    throw new UsageException($"strategy '{spec.Name}': no import-time profile and no REPORT lines in {string.Join(", ", spec.Files)} ({Format.Count(result.LinesRead)} lines read; expected Lambda logs or python -X importtime output).");
                }

                results.Add((spec.Name, result));
            }

            var comparison = StrategyComparison.Build(results, pricing, kindOverrides);
            var text = SharedOptions.ParseFormat(parsed.GetValue(format)!) switch
            {
                OutputFormat.Markdown => MarkdownComparisonRenderer.Render(comparison),
                OutputFormat.Json => JsonComparisonRenderer.Render(comparison),
                _ => TextComparisonRenderer.Render(comparison),
            };
            SharedOptions.Emit(text, parsed.GetValue(output), console);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static (string Name, IReadOnlyList<string> Files) ParseStrategy(string value)
    {
        var equals = value.IndexOf('=');
        var files = equals < 0 ? [] : value[(equals + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (equals <= 0 || files.Length == 0)
        {
            throw new UsageException($"'{value}' is not a strategy: expected NAME=FILE[,FILE…], e.g. lazy=lazy.log.");
        }

        return (value[..equals].Trim(), files);
    }

    private static (string Name, StrategyKind Kind) ParseKind(string value)
    {
        var parts = value.Split('=', 2, StringSplitOptions.TrimEntries);
        var kind = parts.Length == 2 ? parts[1].ToLower(CultureInfo.InvariantCulture) : "";
        return kind switch
        {
            "on-demand" when parts[0].Length > 0 => (parts[0], StrategyKind.OnDemand),
            "provisioned" or "provisioned-concurrency" when parts[0].Length > 0 => (parts[0], StrategyKind.ProvisionedConcurrency),
            _ => throw new UsageException($"--kind: '{value}' is not NAME=on-demand or NAME=provisioned."),
        };
    }
}
