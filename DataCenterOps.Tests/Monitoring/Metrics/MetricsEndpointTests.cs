using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Tests.Monitoring.Polling;

namespace DataCenterOps.Tests.Monitoring.Metrics;

public sealed partial class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AreOpenByDefault_AndMatchTheLiveStateWithTheFixedNamesAndLabels()
    {
        await using var host = await SimulatedRoomHost.StartAsync();
        await host.WaitAllUpAsync();
        using var client = host.CreateClient();

        var before = host.LiveState.GetDevices();
        using var response = await client.GetAsync(new Uri("metrics", UriKind.Relative));
        var after = host.LiveState.GetDevices();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var values = Parse(text);
        Assert.Contains("# TYPE dcops_point_value gauge", text, StringComparison.Ordinal);
        foreach (var id in SimulatedRoomHost.DeviceIds)
        {
            Assert.Equal(1, values[$"dcops_device_up{{device=\"{id}\",site=\"DC-KALTIM\"}}"]);
        }

        Assert.Equal(3, values["dcops_point_value{device=\"ups-1\",point=\"output.source\",unit=\"\",site=\"DC-KALTIM\"}"]);
        Assert.InRange(values["dcops_point_value{device=\"env-1\",point=\"temperature\",unit=\"°C\",site=\"DC-KALTIM\"}"], 10, 40);
        Assert.True(values.ContainsKey("dcops_point_value{device=\"env-2\",point=\"dew_point\",unit=\"°C\",site=\"DC-KALTIM\"}"));

        // Every point whose value was the same before and after the scrape (polls go on meanwhile) must appear with exactly that value.
        var compared = 0;
        foreach (var (old, now) in before.Zip(after))
        {
            foreach (var point in now.Points.Where(p => p is { IsLive: true, Value: not null } && old.Find(p.Point) is { IsLive: true } o && o.Value == p.Value))
            {
                Assert.Equal(point.Value!.Value, values[$"dcops_point_value{{device=\"{now.DeviceId}\",point=\"{point.Point}\",unit=\"{point.Unit}\",site=\"DC-KALTIM\"}}"]);
                compared++;
            }
        }

        Assert.True(compared > 0);
    }

    [Fact]
    public async Task Metrics_ShowActiveAlarms_AndNeverAStaleValue()
    {
        await using var host = await SimulatedRoomHost.StartAsync();
        await host.WaitAllUpAsync();
        using var client = host.CreateClient();

        host.Simulator.Start(SimulatorScenarios.WaterLeak);
        await Eventually.TrueAsync(() => host.Alarms.GetActive().Any(a => a.Key == "water_leak"), "leak alarm");
        host.Simulator.Start(SimulatorScenarios.DeviceSilent, "env-1");
        await Eventually.TrueAsync(() => host.LiveState.GetDevice("env-1")!.Status.IsCommLost, "env-1 lost");
        var values = Parse(await client.GetStringAsync(new Uri("metrics", UriKind.Relative)));

        Assert.Equal(0, values["dcops_device_up{device=\"env-1\",site=\"DC-KALTIM\"}"]);
        Assert.DoesNotContain(values.Keys, k => k.StartsWith("dcops_point_value{device=\"env-1\"", StringComparison.Ordinal));
        Assert.Equal(1, values["dcops_alarm_active{device=\"env-1\",alarm=\"comm_lost\",severity=\"critical\",site=\"DC-KALTIM\"}"]);
        Assert.Contains(values, kv => kv.Key.StartsWith("dcops_alarm_active{", StringComparison.Ordinal) && kv.Key.Contains("alarm=\"water_leak\",severity=\"critical\"", StringComparison.Ordinal));
        Assert.All(host.LiveState.GetDevice("env-1")!.Points, p => Assert.NotEqual(PointQuality.Good, p.Quality));
    }

    [Fact]
    public async Task Metrics_NeedTheBearerKey_WhenOneIsConfigured()
    {
        await using var host = await SimulatedRoomHost.StartAsync(new Dictionary<string, string?> { ["Metrics:ApiKey"] = "scrape-key" });
        using var client = host.CreateClient();

        using var anonymous = await client.GetAsync(new Uri("metrics", UriKind.Relative));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "scrape-key");
        using var withKey = await client.GetAsync(new Uri("metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }

    private static Dictionary<string, double> Parse(string text) =>
        SampleLine().Matches(text).ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(dcops_[a-z_]+\{[^}]*\}) (\S+)$", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
