using System.Globalization;
using System.Text;

namespace ColdStart.Analysis.Tests.Comparison;

/// <summary>
/// Hand-written `aws logs tail` exports (timestamp, stream, message) for two strategies, built from the
/// formats in lambda-facts.md. The numbers are chosen so the expected figures can be worked out by hand.
/// </summary>
internal static class StrategyLogFixtures
{
    /// <summary>
    /// On-demand with a lazy import: two environments. A: init 150.4 ms, cold 20.2 ms (imports boto3 in the
    /// handler: 5 ms), warm 2.5 ms. B: init 170.6 ms, cold 30.1 ms (boto3 again: 7 ms), warm 3.5 and 4.5 ms.
    /// Init-phase imports are 3 ms (app, with json under it) in both.
    /// </summary>
    public static string Lazy()
    {
        var log = new Builder();
        foreach (var (stream, init, cold, lazyMicros, warm) in new[]
        {
            ("2026/11/20/[$LATEST]aaaa", 150.4, 20.2, 5000, new[] { 2.5 }),
            ("2026/11/20/[$LATEST]bbbb", 170.6, 30.1, 7000, new[] { 3.5, 4.5 }),
        })
        {
            log.Init(stream, "on-demand");
            log.Imports(stream, header: true, ("json", 1, 1000, 1000), ("app", 0, 2000, 3000));
            log.Invoke(stream, cold, init, () => log.Imports(stream, header: false, ("boto3", 0, lazyMicros, lazyMicros)));
            foreach (var duration in warm)
            {
                log.Invoke(stream, duration, null, null);
            }
        }

        return log.ToString();
    }

    /// <summary>
    /// Provisioned concurrency: environment C initialised ahead of time (INIT_REPORT 140 ms) then serves
    /// 9, 1, 1, 1 ms; environment D is an on-demand spillover (Init Duration 160 ms) serving 10 ms.
    /// </summary>
    public static string Prewarmed()
    {
        var log = new Builder();
        const string pc = "2026/11/20/[$LATEST]cccc";
        log.Init(pc, "provisioned-concurrency");
        log.Imports(pc, header: true, ("json", 1, 1000, 1000), ("app", 0, 2000, 3000), ("boto3", 0, 5000, 5000));
        log.Line(pc, "INIT_REPORT Init Duration: 140.00 ms\tPhase: init\tStatus: success");
        foreach (var duration in new[] { 9.0, 1.0, 1.0, 1.0 })
        {
            log.Invoke(pc, duration, null, null);
        }

        const string spill = "2026/11/20/[$LATEST]dddd";
        log.Init(spill, "on-demand");
        log.Imports(spill, header: true, ("json", 1, 1000, 1000), ("app", 0, 2000, 3000), ("boto3", 0, 5000, 5000));
        log.Invoke(spill, 10.0, 160.0, null);
        return log.ToString();
    }

    /// <summary>
    /// SnapStart: the snapshot's INIT when the version was published (stream S, INIT_REPORT 900 ms, no invocation),
    /// then two restored environments. E: restore 300.5 ms (billed 120 ms), cold 12 ms, warm 2 ms. F: restore 280.1 ms
    /// (billed 110 ms), cold 14 ms.
    /// </summary>
    public static string SnapStart()
    {
        var log = new Builder();
        const string snapshot = "2026/11/20/[3]ssss";
        log.Init(snapshot, "snap-start");
        log.Imports(snapshot, header: true, ("json", 1, 1000, 1000), ("app", 0, 2000, 3000), ("boto3", 0, 5000, 5000));
        log.Line(snapshot, "INIT_REPORT Init Duration: 900.00 ms\tPhase: init\tStatus: success");
        log.Invoke("2026/11/20/[3]eeee", 12.0, null, null, restore: (300.5, 120));
        log.Invoke("2026/11/20/[3]eeee", 2.0, null, null);
        log.Invoke("2026/11/20/[3]ffff", 14.0, null, null, restore: (280.1, 110));
        return log.ToString();
    }

    private sealed class Builder
    {
        private readonly StringBuilder _text = new();
        private DateTimeOffset _clock = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        private int _requests;

        public override string ToString() => _text.ToString();

        public void Line(string stream, string message)
        {
            _clock = _clock.AddMilliseconds(7);
            _text.Append(_clock.ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture))
                .Append(' ').Append(stream).Append(' ').Append(message).Append('\n');
        }

        public void Init(string stream, string initType)
        {
            Line(stream, "INIT_START Runtime Version: python:3.13.v14\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:abc");
            Line(stream, $"coldstart: importtime profile start; interpreter=/var/lang/bin/python3.13; init_type={initType}; options=-X importtime; chain=none");
        }

        /// <summary>Prints rows exactly like CPython: self, cumulative, two spaces per level, name; the header once per interpreter.</summary>
        public void Imports(string stream, bool header, params (string Name, int Depth, long Self, long Cumulative)[] rows)
        {
            if (header)
            {
                Line(stream, "import time: self [us] | cumulative | imported package");
            }

            foreach (var (name, depth, self, cumulative) in rows)
            {
                Line(stream, string.Create(CultureInfo.InvariantCulture, $"import time: {self,9} | {cumulative,10} | {new string(' ', depth * 2)}{name}"));
            }
        }

        public void Invoke(string stream, double durationMs, double? initMs, Action? insideHandler, (double Ms, double BilledMs)? restore = null)
        {
            var id = $"00000000-0000-4000-8000-{++_requests:D12}";
            Line(stream, $"START RequestId: {id} Version: $LATEST");
            insideHandler?.Invoke();
            Line(stream, $"END RequestId: {id}");
            var init = initMs is { } i ? string.Create(CultureInfo.InvariantCulture, $"\tInit Duration: {i:0.00} ms") : "";
            var restored = restore is { } r ? string.Create(CultureInfo.InvariantCulture, $"\tRestore Duration: {r.Ms:0.00} ms\tBilled Restore Duration: {r.BilledMs:0} ms") : "";
            Line(stream, string.Create(CultureInfo.InvariantCulture,
                $"REPORT RequestId: {id}\tDuration: {durationMs:0.00} ms\tBilled Duration: {Math.Ceiling(durationMs + (initMs ?? 0))} ms\tMemory Size: 512 MB\tMax Memory Used: 60 MB{init}{restored}"));
        }
    }
}
