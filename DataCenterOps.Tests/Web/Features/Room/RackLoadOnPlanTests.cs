using Bunit;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Web.Features.Room.Components;

namespace DataCenterOps.Tests.Web.Features.Room;

/// <summary>A rack on the plan coloured by its PDU's load against the feed's capacity (Room:Plan:Items:N:FeedCapacityAmps).</summary>
public sealed class RackLoadOnPlanTests : RoomTestContext
{
    private static readonly DeviceOptions Pdu = new() { Id = "pdu-a01", Name = "PDU A01", Kind = DeviceKind.Pdu, Profile = "pdu-apc-rpdu2" };

    public RackLoadOnPlanTests()
        : base(Pdu)
    {
        Configuration["Room:Plan:Items:0:Label"] = "A1";
        Configuration["Room:Plan:Items:0:Kind"] = "Rack";
        Configuration["Room:Plan:Items:0:X"] = "3";
        Configuration["Room:Plan:Items:0:Y"] = "2";
        Configuration["Room:Plan:Items:0:PowerDeviceId"] = "pdu-a01";
        Configuration["Room:Plan:Items:0:FeedCapacityAmps"] = "32";
        Configuration["Room:Plan:Items:1:Label"] = "A2";
        Configuration["Room:Plan:Items:1:Kind"] = "Rack";
        Configuration["Room:Plan:Items:1:X"] = "3.6";
        Configuration["Room:Plan:Items:1:Y"] = "2";
    }

    [Theory]
    [InlineData(12.4, "12,4 / 32 A", "room-state-normal")]
    [InlineData(27.0, "27,0 / 32 A", "room-state-warning")]
    [InlineData(33.1, "33,1 / 32 A", "room-state-critical")]
    public void Rack_ShowsItsLoadAgainstTheFeed_AndTakesTheColourOfTheShare(double amps, string text, string css)
    {
        Poll("pdu-a01", Reading("phase.1.current", amps, "A"), Reading("power", amps * 0.22, "kW"));

        var cut = Render<RoomPlanView>();

        Assert.Equal(text, cut.Find("[data-rack-load-text='A1']").TextContent);
        Assert.Contains(css, cut.Find("[data-plan-item='A1'] rect").ClassList);
        Assert.Contains("rack", cut.Find("[data-plan-item='A2'] rect").ClassList);
        Assert.Empty(cut.FindAll("[data-rack-load-text='A2']"));
    }

    [Fact]
    public void Rack_IsDrawnNeutral_WithoutALoad_WhileItsPduHasNotAnswered()
    {
        var cut = Render<RoomPlanView>();

        Assert.Empty(cut.FindAll("[data-rack-load-text]"));
        Assert.Contains("rack", cut.Find("[data-plan-item='A1'] rect").ClassList);
    }
}
