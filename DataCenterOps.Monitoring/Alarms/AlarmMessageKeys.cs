namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// Message keys of alarms whose text carries values (<see cref="Alarm.MessageArguments"/>); every other alarm's message
/// key is its alarm key (<see cref="AlarmKeys"/>). Numbers in the arguments are written in the invariant culture.
/// </summary>
public static class AlarmMessageKeys
{
    /// <summary>{0} device name, {1} polls missed.</summary>
    public const string CommLost = "comm_lost";

    /// <summary>{0} point name.</summary>
    public const string SensorFault = "sensor_fault";

    /// <summary>{0} GenComm alarm name, e.g. low_oil_pressure.</summary>
    public const string GensetShutdown = "genset.shutdown";

    /// <summary>{0} GenComm alarm name.</summary>
    public const string GensetWarning = "genset.warning";

    /// <summary>{0} CRAC alarm name, e.g. high_temperature.</summary>
    public const string CoolingAlarm = "cooling.alarm";

    /// <summary>{0} point, {1} value, {2} unit, {3} limit.</summary>
    public const string ThresholdHigh = "threshold.high";

    /// <summary>{0} point, {1} value, {2} unit, {3} limit.</summary>
    public const string ThresholdLow = "threshold.low";

    /// <summary>{0} rate in °C per hour (signed), {1} limit in °C per hour.</summary>
    public const string TemperatureRateOfChange = "temperature.rate_of_change";
}
