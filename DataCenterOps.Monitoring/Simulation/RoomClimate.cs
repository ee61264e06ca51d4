namespace DataCenterOps.Monitoring.Simulation;

/// <summary>
/// Heat balance of the room: IT heat and a diurnal leak from outside, against the compressors running.
/// Tuned so two cooling units cycle around the setpoint and one alone cannot hold it (about +0.12 °C/min).
/// </summary>
internal static class RoomClimate
{
    private const double ItHeatPerSecond = 0.012;
    private const double LeakCoefficient = 0.00015;
    private const double HumidityTimeConstant = 600;

    public static void Diurnal(RoomState room)
    {
        var hour = room.LocalTime.TimeOfDay.TotalHours;
        room.OutsideTemperature = 28 + 4 * Math.Sin(2 * Math.PI * (hour - 9) / 24);
        room.LoadFactor = 1 + 0.08 * Math.Sin(2 * Math.PI * (hour - 8) / 24);
    }

    public static void Step(RoomState room, double seconds)
    {
        var heat = ItHeatPerSecond * room.LoadFactor + LeakCoefficient * (room.OutsideTemperature - room.Temperature);
        room.Temperature += (heat - room.CoolingRate) * seconds;

        var hour = room.LocalTime.TimeOfDay.TotalHours;
        var target = 48 + 4 * Math.Sin(2 * Math.PI * (hour - 14) / 24) - 1.5 * room.CompressorsRunning;
        room.Humidity += (target - room.Humidity) * Math.Min(1, seconds / HumidityTimeConstant);
    }
}
