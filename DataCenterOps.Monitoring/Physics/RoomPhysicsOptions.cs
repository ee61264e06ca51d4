using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Monitoring.Physics;

/// <summary>
/// The room's physical limits beyond thresholds (section <c>Room</c>): how fast temperature may change (ASHRAE TC9.9:
/// 20 °C per hour, 5 °C per hour where tape media is kept) and over which rolling window the rate is measured.
/// </summary>
public sealed class RoomPhysicsOptions
{
    public const string SectionName = "Room";

    /// <summary>ASHRAE TC9.9's limit for rooms without tape, °C per hour.</summary>
    public const double DefaultMaxRate = 20;

    /// <summary>ASHRAE TC9.9's limit where tape media is kept, °C per hour.</summary>
    public const double TapeMaxRate = 5;

    /// <summary><c>Room:HasTapeMedia</c>: tape cartridges or libraries in the room (limit 5 °C/h instead of 20 °C/h).</summary>
    public bool HasTapeMedia { get; set; }

    /// <summary><c>Room:RateWindowMinutes</c>: the rolling window the rate of change is measured over (default 15).</summary>
    [Range(5, 60)]
    public int RateWindowMinutes { get; set; } = 15;

    public double MaxRatePerHour => HasTapeMedia ? TapeMaxRate : DefaultMaxRate;

    public TimeSpan RateWindow => TimeSpan.FromMinutes(RateWindowMinutes);
}
