namespace DataCenterOps.Domain.Scheduling;

/// <summary>
/// The port to monitoring for meter schedules and battery health; the Domain knows no monitoring, the Web answers it
/// from the history store.
/// </summary>
public interface IMeterReadings
{
    /// <summary>The latest stored value of <paramref name="point"/> of device <paramref name="deviceId"/> (e.g. "engine.run_hours"); null without one.</summary>
    Task<double?> LatestAsync(string deviceId, string point, CancellationToken cancellationToken);

    /// <summary>A UPS's battery runtime and output load, month by month (calendar months in Sop:TimeZone), oldest first.</summary>
    Task<IReadOnlyList<BatteryMonth>> BatteryMonthsAsync(string deviceId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}
