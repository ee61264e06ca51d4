using System.Diagnostics;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Profiles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>Threshold rule evaluations per second (hysteresis and on-delay included), and whole-device rule passes per second.</summary>
internal static class ThresholdFigures
{
    public static IReadOnlyList<Figure> Run()
    {
        var rule = new ThresholdRule("temperature", new ThresholdOptions { LowCritical = 15, LowWarning = 18, HighWarning = 27, HighCritical = 32, Hysteresis = 0.5, OnDelaySeconds = 30 });
        var into = new List<AlarmCondition>(4);
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        const int ruleRuns = 5_000_000;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < ruleRuns; i++)
        {
            into.Clear();
            rule.Evaluate(10 + (i % 250) * 0.1, "°C", now.AddSeconds(i), into);
        }

        var ruleRate = ruleRuns / clock.Elapsed.TotalSeconds;

        var device = new DeviceOptions { Id = "env-1", Name = "env", Kind = DeviceKind.Environment, Protocol = DeviceProtocol.Snmp, Host = "127.0.0.1", Port = 1, Community = "c", Profile = "env-snmp" };
        var options = Options.Create(new MonitoringOptions { Devices = [device] });
        var live = new LiveStateStore(options, NullLogger<LiveStateStore>.Instance);
        live.ApplySuccess("env-1", [Good("temperature", 24, "°C"), Good("humidity", 45, "%"), Good("dew_point", 11.5, "°C"), Good("leak", 0, ""), Good("door", 0, "")], now, TimeSpan.Zero);
        var snapshot = live.GetDevice("env-1")!;
        var evaluator = new AlarmEvaluator(options);
        const int deviceRuns = 1_000_000;
        clock.Restart();
        for (var i = 0; i < deviceRuns; i++)
        {
            into.Clear();
            evaluator.Evaluate(snapshot, now.AddSeconds(i), into);
        }

        var deviceRate = deviceRuns / clock.Elapsed.TotalSeconds;
        return
        [
            new Figure("threshold rule evaluations (one point, both sides, hysteresis + on-delay)", ruleRate, "evaluations/s"),
            new Figure("whole-device rule passes (environment: 3 threshold rules + state rules)", deviceRate, "devices/s"),
        ];
    }

    private static PointReading Good(string point, double value, string unit) => new(point, value, null, unit, PointQuality.Good);
}
