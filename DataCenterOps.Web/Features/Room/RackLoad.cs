using DataCenterOps.Monitoring.LiveState;

namespace DataCenterOps.Web.Features.Room;

/// <summary>
/// A rack's load against its feed's capacity, from its PDU's live phase current (A) or power (kW). Warning from 80 % —
/// the continuous-load limit of a branch circuit — critical at or above 100 %.
/// </summary>
public sealed record RackLoad(double Load, double Capacity, string Unit)
{
    public const double WarningFraction = 0.8;

    public double Fraction => Load / Capacity;

    public DeviceVisualState State => Fraction >= 1 ? DeviceVisualState.Critical : Fraction >= WarningFraction ? DeviceVisualState.Warning : DeviceVisualState.Normal;

    /// <summary>The load of a rack drawn on the plan; null when it has no PDU or the PDU's value is not live.</summary>
    public static RackLoad? For(RoomPlanItem item, DeviceSnapshot? pdu)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (pdu is null || pdu.Status.IsCommLost)
        {
            return null;
        }

        if (item.FeedCapacityAmps is { } amps)
        {
            var current = pdu.Points.Where(p => p.IsLive && p.Point.StartsWith("phase.", StringComparison.Ordinal) && p.Point.EndsWith(".current", StringComparison.Ordinal))
                .Select(p => p.Value).Max();
            return current is { } a ? new RackLoad(a, amps, "A") : null;
        }

        return item.FeedCapacityKw is { } kw && pdu.LiveValue("power") is { } power ? new RackLoad(power, kw, "kW") : null;
    }
}
