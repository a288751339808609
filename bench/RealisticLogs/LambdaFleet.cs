using System.Globalization;

namespace ColdStart.Bench.Logs;

/// <summary>How a generated function's environments behave.</summary>
public sealed record FleetOptions
{
    /// <summary>Environments running at once (each its own log stream). Default: 20.</summary>
    public int Concurrency { get; init; } = 20;

    /// <summary>Mean warm invocations after the first (uniform in 0 … 2 × mean). Default: 2.5.</summary>
    public double MeanWarmInvocations { get; init; } = 2.5;

    /// <summary><c>on-demand</c> or <c>provisioned-concurrency</c> (no Init Duration on REPORT). Default: on-demand.</summary>
    public string InitType { get; init; } = "on-demand";

    /// <summary>Whether the function prints its own lines (at init and 1–2 per request). Default: true.</summary>
    public bool UserOutput { get; init; } = true;
}

/// <summary>What a generator wrote, counted as it wrote it.</summary>
public sealed class WrittenCounts
{
    /// <summary>Cold starts (interpreter starts with an import profile).</summary>
    public long ColdStarts { get; set; }

    /// <summary>Import rows, headers not included.</summary>
    public long ImportRows { get; set; }

    /// <summary>REPORT lines.</summary>
    public long Reports { get; set; }

    /// <summary>Lines of the function's own output (the parser ignores them).</summary>
    public long UserLines { get; set; }

    /// <summary>Log lines (one per event for the Lambda shapes).</summary>
    public long Lines { get; set; }
}

/// <summary>
/// A Lambda function's log group: <see cref="FleetOptions.Concurrency"/> execution environments at a time, each
/// with its own stream. An environment logs INIT_START, the wrapper's line, a real (jittered) import profile, then
/// its first request (with lazy imports) and some warm ones (START, the function's output, END, REPORT); when it is
/// retired a new one takes its place. Events of all streams come out in timestamp order, as
/// <c>filter-log-events --interleaved</c> (and so <c>aws logs tail</c>) returns them.
/// </summary>
public sealed class LambdaFleet(IReadOnlyList<CapturedProfile> profiles, FleetOptions options, int seed)
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly Random _random = new(seed);
    private bool _draining;

    /// <summary>What the events yielded so far hold.</summary>
    public WrittenCounts Counts { get; } = new();

    /// <summary>
    /// The events, in timestamp order. Once <paramref name="enough"/> returns true no new environment starts and the
    /// running ones end after their current request (the first request always runs), so every cold start is whole.
    /// </summary>
    public IEnumerable<LogEvent> Events(Func<bool> enough)
    {
        var runtimeArn = "arn:aws:lambda:us-east-1::runtime:" + Hex(64);
        var queue = new PriorityQueue<IEnumerator<LogEvent>, (long Micros, long Order)>();
        long order = 0;
        var start = Epoch.ToUnixTimeMilliseconds() * 1000;

        void Begin(long micros)
        {
            var environment = Environment(micros, runtimeArn).GetEnumerator();
            environment.MoveNext();
            queue.Enqueue(environment, (environment.Current.Micros, order++));
        }

        for (var slot = 0; slot < options.Concurrency; slot++)
        {
            Begin(start + _random.NextInt64(2_000_000));
        }

        while (queue.TryDequeue(out var environment, out _))
        {
            var logEvent = environment.Current;
            Counts.Lines++;
            yield return logEvent;
            _draining = _draining || enough();
            if (environment.MoveNext())
            {
                queue.Enqueue(environment, (environment.Current.Micros, order++));
                continue;
            }

            environment.Dispose();
            if (!_draining)
            {
                // the next environment of this slot starts a little after the last one's final line
                Begin(logEvent.Micros + _random.NextInt64(10_000, 1_000_000));
            }
        }
    }

    private IEnumerable<LogEvent> Environment(long t, string runtimeArn)
    {
        var profile = profiles[_random.Next(profiles.Count)];
        var stream = DateTimeOffset.FromUnixTimeMilliseconds(t / 1000).ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture) + "/[$LATEST]" + Hex(32);
        var factor = ProfileJitter.ColdStartFactor(_random);
        var initRows = ProfileJitter.Apply(profile.Init, factor, _random);
        var lazyRows = ProfileJitter.Apply(profile.Lazy, factor, _random);
        var onDemand = options.InitType == "on-demand";
        Counts.ColdStarts++;

        var initStart = t;
        yield return new(stream, t, $"INIT_START Runtime Version: python:{profile.PythonVersion}.v31\tRuntime Version ARN: {runtimeArn}");
        t += _random.NextInt64(1_500, 4_000);
        yield return new(stream, t, $"coldstart: importtime profile start; interpreter=/var/lang/bin/python{profile.PythonVersion}; init_type={options.InitType}; options=-X importtime; chain=none");
        yield return new(stream, t, ImportRow.Header);
        foreach (var row in initRows)
        {
            // a row is printed when its import ends: its own time after the previous row
            t += row.Self;
            Counts.ImportRows++;
            yield return new(stream, t, row.Format());
        }

        if (options.UserOutput)
        {
            t += _random.NextInt64(100, 600);
            Counts.UserLines++;
            yield return new(stream, t, "app: configuration loaded, table orders-" + _random.Next(1, 4));
        }

        t += _random.NextInt64(500, 3_000);
        var initMs = (t - initStart) / 1000.0;
        if (!onDemand)
        {
            // a provisioned environment waits for traffic
            t += _random.NextInt64(30_000_000, 300_000_000);
        }

        var invocations = 1 + _random.Next((int)(2 * options.MeanWarmInvocations) + 1);
        for (var i = 0; i == 0 || (i < invocations && !_draining); i++)
        {
            if (i > 0)
            {
                // idle between requests: 20 ms to 20 s, log-uniform
                t += (long)(20_000 * Math.Pow(1000, _random.NextDouble()));
            }

            var request = RequestId();
            var started = t;
            yield return new(stream, t, $"START RequestId: {request} Version: $LATEST");
            t += _random.NextInt64(100, 400);
            if (i == 0)
            {
                foreach (var row in lazyRows)
                {
                    t += row.Self;
                    Counts.ImportRows++;
                    yield return new(stream, t, row.Format());
                }
            }

            var outputLines = options.UserOutput ? _random.Next(1, 3) : 0;
            for (var line = 0; line < outputLines; line++)
            {
                t += (long)(300 * Math.Pow(100, _random.NextDouble()));
                Counts.UserLines++;
                var at = DateTimeOffset.FromUnixTimeMilliseconds(t / 1000).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                yield return new(stream, t, string.Create(CultureInfo.InvariantCulture, $"[INFO]\t{at}\t{request}\tprocessed order {_random.Next(1_000_000)} in {_random.Next(2, 40)} ms"));
            }

            t += _random.NextInt64(200, 3_000);
            var durationMs = Math.Round((t - started) / 1000.0, 2);
            yield return new(stream, t, $"END RequestId: {request}");
            t += _random.NextInt64(50, 400);
            var first = i == 0 && onDemand;
            // since 2025-08-01 the INIT phase of on-demand functions is billed: Billed Duration = ceil(Duration + Init Duration)
            var billed = Math.Ceiling(durationMs + (first ? initMs : 0));
            var report = string.Create(CultureInfo.InvariantCulture,
                $"REPORT RequestId: {request}\tDuration: {durationMs:0.00} ms\tBilled Duration: {billed:0} ms\tMemory Size: 512 MB\tMax Memory Used: {_random.Next(62, 96)} MB");
            Counts.Reports++;
            yield return new(stream, t, first ? string.Create(CultureInfo.InvariantCulture, $"{report}\tInit Duration: {initMs:0.00} ms") : report);
        }
    }

    private string RequestId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    private string Hex(int digits)
    {
        var bytes = new byte[digits / 2];
        _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
