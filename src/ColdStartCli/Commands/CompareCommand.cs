using System.CommandLine;
using System.Globalization;
using ColdStart.Analysis;
using ColdStart.Analysis.Comparison;
using ColdStart.Analysis.Pricing;
using ColdStart.Cli.Internal;
using ColdStart.Cli.Rendering;
using ColdStart.Cli.Rendering.Internal;

namespace ColdStart.Cli.Commands;

/// <summary><c>coldstart compare NAME=FILES …</c>: strategies side by side, with a monthly cost estimate each.</summary>
internal static class CompareCommand
{
    private static readonly Dictionary<string, string> OptionByPricingProperty = new()
    {
        [nameof(PricingModel.MonthlyRequests)] = "--monthly-requests",
        [nameof(PricingModel.MemoryMb)] = "--memory-mb",
        [nameof(PricingModel.ProvisionedConcurrency)] = "--provisioned-concurrency",
        [nameof(PricingModel.ProvisionedConcurrencyByStrategy)] = "--provisioned-concurrency",
        [nameof(PricingModel.SpilloverFraction)] = "--spillover",
        ["X86_64Prices.OnDemand"] = "--on-demand-price",
        ["X86_64Prices.Provisioned"] = "--provisioned-price",
        ["X86_64Prices.ProvisionedDuration"] = "--provisioned-duration-price",
        ["Arm64Prices.OnDemand"] = "--arm64-on-demand-price",
        ["Arm64Prices.Provisioned"] = "--arm64-provisioned-price",
        ["Arm64Prices.ProvisionedDuration"] = "--arm64-provisioned-duration-price",
        [nameof(PricingModel.RequestPricePerMillion)] = "--request-price",
        [nameof(PricingModel.SnapshotCachePricePerGbSecond)] = "--snapshot-cache-price",
        [nameof(PricingModel.RestorePricePerGb)] = "--restore-price",
        [nameof(PricingModel.HoursPerMonth)] = "--hours-per-month",
        [nameof(PricingModel.SnapStartActiveHours)] = "--snapstart-active-hours",
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
            Description = "Price a strategy as on-demand, provisioned or snapstart: NAME=KIND; repeatable. Default: provisioned when its logs show provisioned-concurrency inits, else snapstart when they show SnapStart inits or restores, otherwise on-demand.",
            HelpName = "NAME=KIND",
            AllowMultipleArgumentsPerToken = false,
        };
        var format = SharedOptions.Format("text", "markdown", "json");
        var output = SharedOptions.Output();
        var splitAfter = SharedOptions.SplitAfter();
        var handler = SharedOptions.Handler();
        var allowPartial = SharedOptions.AllowPartial();

        var x86 = GbSecondPrices.X86_64List;
        var arm = GbSecondPrices.Arm64List;
        var requests = ComparisonOptions.Whole("--monthly-requests", "Requests per month, for every strategy. Default: 1000000.", "N", 0, PricingModel.MaxMonthlyRequests, " of requests");
        var memory = ComparisonOptions.Whole("--memory-mb", "Function memory in MB. Default: the median Memory Size of each strategy's REPORT lines (128 when there are none).", "MB", PricingModel.MinMemoryMb, PricingModel.MaxMemoryMb, " of MB");
        var architecture = ComparisonOptions.OneOf("--architecture", "Which published prices apply.", "x86_64", "x86_64", "arm64");
        var concurrency = new Option<string[]>("--provisioned-concurrency")
        {
            Description = "Provisioned concurrency of provisioned strategies: N for all of them, NAME=N for one (repeatable; NAME=N wins). Default: 1.",
            HelpName = "N|NAME=N",
            AllowMultipleArgumentsPerToken = false,
        };
        var spillover = ComparisonOptions.Number("--spillover", "Share of requests (0-1) that spill over to on-demand under provisioned concurrency. Default: as measured in the logs.", "FRACTION", 0, 1, "a fraction from 0 to 1");
        var initBilled = ComparisonOptions.OneOf("--init-billed", "Bill the INIT phase of on-demand cold starts (true since 2025-08-01; pass false for older bills).", "true", "true", "false");
        var onDemandPrice = ComparisonOptions.Price("--on-demand-price", $"x86_64: USD per on-demand GB-second (duration and INIT). Default: {ComparisonOptions.Text(x86.OnDemand)}.");
        var provisionedPrice = ComparisonOptions.Price("--provisioned-price", $"x86_64: USD per provisioned-concurrency GB-second configured. Default: {ComparisonOptions.Text(x86.Provisioned)}.");
        var provisionedDurationPrice = ComparisonOptions.Price("--provisioned-duration-price", $"x86_64: USD per GB-second of duration on provisioned environments. Default: {ComparisonOptions.Text(x86.ProvisionedDuration)}.");
        var armOnDemandPrice = ComparisonOptions.Price("--arm64-on-demand-price", $"arm64: USD per on-demand GB-second (duration and INIT). Default: {ComparisonOptions.Text(arm.OnDemand)}.");
        var armProvisionedPrice = ComparisonOptions.Price("--arm64-provisioned-price", $"arm64: USD per provisioned-concurrency GB-second configured. Default: {ComparisonOptions.Text(arm.Provisioned)}.");
        var armProvisionedDurationPrice = ComparisonOptions.Price("--arm64-provisioned-duration-price", $"arm64: USD per GB-second of duration on provisioned environments. Default: {ComparisonOptions.Text(arm.ProvisionedDuration)}.");
        var requestPrice = ComparisonOptions.Price("--request-price", $"USD per million requests (both architectures). Default: {ComparisonOptions.Text(PricingModel.DefaultRequestPricePerMillion)}.", PricingModel.MaxRequestPricePerMillion);
        var cachePrice = ComparisonOptions.Price("--snapshot-cache-price", $"SnapStart: USD per GB-second of snapshot cache while the version is active. Default: {ComparisonOptions.Text(PricingModel.DefaultSnapshotCachePricePerGbSecond)}.");
        var restorePrice = ComparisonOptions.Price("--restore-price", $"SnapStart: USD per GB restored, per restore. Default: {ComparisonOptions.Text(PricingModel.DefaultRestorePricePerGb)}.", PricingModel.MaxRestorePricePerGb);
        var hours = ComparisonOptions.Number("--hours-per-month", "Hours in a billing month (provisioned concurrency is always on). Default: 730.", "HOURS", 0, PricingModel.MaxHoursPerMonth,
            $"a number of hours more than 0 and at most {PricingModel.MaxHoursPerMonth}", minExclusive: true);
        var activeHours = ComparisonOptions.Number("--snapstart-active-hours", "SnapStart: hours per month a version is active, i.e. its snapshot is cached and billed (at least 3). Default: --hours-per-month, the whole month.", "HOURS",
            0, PricingModel.MaxHoursPerMonth, $"a number of hours from 0 to {PricingModel.MaxHoursPerMonth}");
        // Kept only to explain the change to command lines written for older versions (and older ColdStartComparison outputs).
        var armFactor = new Option<string?>("--arm64-factor") { Hidden = true };

        var command = new Command("compare", "Compare cold-start strategies side by side: cold-start rate, Init and Restore Duration, first-invocation and warm latency, lazy-import cost, and an estimated monthly bill for each, with the break-even utilisation of provisioned concurrency.")
        {
            strategies, strategyOption, kinds, format, output, splitAfter, handler, allowPartial,
            requests, memory, architecture, concurrency, spillover, initBilled,
            onDemandPrice, provisionedPrice, provisionedDurationPrice, armOnDemandPrice, armProvisionedPrice, armProvisionedDurationPrice,
            requestPrice, cachePrice, restorePrice, hours, activeHours, armFactor,
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

            if (parsed.GetResult(armFactor) is not null)
            {
                throw new UsageException("--arm64-factor: no longer accepted: arm64 is priced with its own published prices; drop it, or set --arm64-on-demand-price, --arm64-provisioned-price and --arm64-provisioned-duration-price.");
            }

            var arm64 = parsed.GetValue(architecture) == "arm64";
            // A price for the other architecture would be ignored without a word: refuse it instead.
            var unused = (arm64 ? [onDemandPrice, provisionedPrice, provisionedDurationPrice] : new[] { armOnDemandPrice, armProvisionedPrice, armProvisionedDurationPrice })
                .FirstOrDefault(o => parsed.GetValue(o) is not null);
            if (unused is not null)
            {
                throw new UsageException(arm64
                    ? $"{unused.Name}: is an x86_64 price, unused with --architecture arm64; give --arm64-{unused.Name[2..]} instead."
                    : $"{unused.Name}: is an arm64 price, unused with --architecture x86_64; add --architecture arm64, or give --{unused.Name["--arm64-".Length..]} instead.");
            }

            var (allConcurrency, concurrencyByStrategy) = ComparisonOptions.ProvisionedConcurrency(parsed.GetValue(concurrency) ?? [], specs.Select(s => s.Name).ToArray());
            var pricing = new PricingModel
            {
                MonthlyRequests = parsed.GetValue(requests) ?? PricingModel.DefaultMonthlyRequests,
                MemoryMb = (int?)parsed.GetValue(memory),
                Architecture = arm64 ? Architecture.Arm64 : Architecture.X86_64,
                ProvisionedConcurrency = allConcurrency ?? PricingModel.DefaultProvisionedConcurrency,
                ProvisionedConcurrencyByStrategy = concurrencyByStrategy,
                SpilloverFraction = parsed.GetValue(spillover),
                InitBilled = parsed.GetValue(initBilled) == "true",
                X86_64Prices = new GbSecondPrices(
                    parsed.GetValue(onDemandPrice) ?? x86.OnDemand,
                    parsed.GetValue(provisionedPrice) ?? x86.Provisioned,
                    parsed.GetValue(provisionedDurationPrice) ?? x86.ProvisionedDuration),
                Arm64Prices = new GbSecondPrices(
                    parsed.GetValue(armOnDemandPrice) ?? arm.OnDemand,
                    parsed.GetValue(armProvisionedPrice) ?? arm.Provisioned,
                    parsed.GetValue(armProvisionedDurationPrice) ?? arm.ProvisionedDuration),
                RequestPricePerMillion = parsed.GetValue(requestPrice) ?? PricingModel.DefaultRequestPricePerMillion,
                SnapshotCachePricePerGbSecond = parsed.GetValue(cachePrice) ?? PricingModel.DefaultSnapshotCachePricePerGbSecond,
                RestorePricePerGb = parsed.GetValue(restorePrice) ?? PricingModel.DefaultRestorePricePerGb,
                HoursPerMonth = parsed.GetValue(hours) ?? PricingModel.DefaultHoursPerMonth,
                SnapStartActiveHours = parsed.GetValue(activeHours),
            };
            try
            {
                pricing.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                var property = e.ParamName ?? "";
                var option = OptionByPricingProperty.TryGetValue(property, out var o) ? o : property;
                var rule = e.Message.Split(" (Parameter")[0];
                throw new UsageException($"{option}: {(rule.StartsWith(property + " ", StringComparison.Ordinal) ? rule[(property.Length + 1)..] : rule)}");
            }

            var inputs = specs.SelectMany(s => s.Files).ToList();
            SharedOptions.CheckOutput(parsed.GetValue(output), inputs);
            var parseOptions = SharedOptions.ParseOptions(parsed, splitAfter, handler, allowPartial);
            var results = InputFiles.Strategies(specs, parseOptions, console);
            foreach (var (spec, logs) in specs.Zip(results))
            {
                if (logs.ColdStarts == 0 && logs.Invocations == 0)
                {
                    throw new UsageException($"strategy '{spec.Name}': no import-time profile and no REPORT lines in {string.Join(", ", spec.Files)} ({Format.Count(logs.LinesRead)} lines read; expected Lambda logs or python -X importtime output).");
                }
            }

            var comparison = StrategyComparison.Build(results, pricing, kindOverrides);
            var inputNotes = results.Select(StrategyInput.Of).ToList();
            var text = SharedOptions.ParseFormat(parsed.GetValue(format)!) switch
            {
                OutputFormat.Markdown => MarkdownComparisonRenderer.Render(comparison, inputNotes),
                OutputFormat.Json => JsonComparisonRenderer.Render(comparison, inputNotes),
                _ => TextComparisonRenderer.Render(comparison, inputNotes),
            };
            SharedOptions.Emit(text, parsed.GetValue(output), console, inputs);
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
            "snapstart" or "snap-start" when parts[0].Length > 0 => (parts[0], StrategyKind.SnapStart),
            _ => throw new UsageException($"--kind: '{value}' is not NAME=on-demand, NAME=provisioned or NAME=snapstart."),
        };
    }
}
