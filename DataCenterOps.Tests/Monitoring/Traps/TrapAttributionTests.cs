using System.Net;
using System.Text;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Traps;

namespace DataCenterOps.Tests.Monitoring.Traps;

/// <summary>Which device a v3 trap belongs to when several devices behind one address share a USM user.</summary>
public sealed class TrapAttributionTests
{
    private static DeviceOptions Ups(string id, string? context = null) =>
        new() { Id = id, Protocol = DeviceProtocol.Snmp, Host = "127.0.0.1", Community = id, V3User = "dcops-trap", V3Context = context };

    private static readonly IPAddress Loopback = IPAddress.Loopback;

    [Fact]
    public void SharedUser_IsToldApartByContextName_ThenByCommunityAsContext()
    {
        var attribution = new TrapAttribution([Ups("ups-1"), Ups("ups-2"), Ups("ups-3", context: "bank-c")], _ => []);

        Assert.Equal("ups-2", attribution.Match(Loopback, TrapPrincipal.UsmUser("dcops-trap", "ups-2"))?.Id);
        Assert.Equal("ups-3", attribution.Match(Loopback, TrapPrincipal.UsmUser("dcops-trap", "bank-c"))?.Id);
        Assert.Equal("ups-1", attribution.Match(Loopback, TrapPrincipal.UsmUser("dcops-trap", ""))?.Id);
        Assert.Null(attribution.Match(Loopback, TrapPrincipal.UsmUser("someone-else", "ups-2")));
        Assert.Null(attribution.Match(IPAddress.Parse("10.0.0.9"), TrapPrincipal.UsmUser("dcops-trap", "ups-2")));
    }

    [Fact]
    public void Community_StillMatchesOnlyItsDevice()
    {
        var attribution = new TrapAttribution([Ups("ups-1"), Ups("ups-2")], _ => []);

        Assert.Equal("ups-2", attribution.Match(Loopback, TrapPrincipal.Community(Encoding.UTF8.GetBytes("ups-2")))?.Id);
        Assert.Null(attribution.Match(Loopback, TrapPrincipal.Community(Encoding.UTF8.GetBytes("public"))));
    }
}
