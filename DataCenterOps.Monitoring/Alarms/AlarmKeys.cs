namespace DataCenterOps.Monitoring.Alarms;

/// <summary>The fixed alarm keys (threshold and per-alarm-point keys are built from point names).</summary>
public static class AlarmKeys
{
    public const string CommLost = "comm_lost";

    /// <summary>The device answers but none of its profile's key points has a usable value (as many polls as make comm-lost).</summary>
    public const string NoValidData = "device.no_valid_data";
    public const string UpsOnBattery = "ups.on_battery";
    public const string UpsBatteryLow = "ups.battery_low";
    public const string UpsBatteryDepleted = "ups.battery_depleted";
    public const string UpsAlarmsPresent = "ups.alarms_present";
    public const string GensetFailToStart = "genset.fail_to_start";
    public const string MainsFailed = "mains.failed";
    public const string FirePreAlarm = "fire.prealarm";
    public const string FireAlarm = "fire.alarm";
    public const string FireReleased = "fire.released";
    public const string FireFault = "fire.fault";
    public const string FireDisabled = "fire.disabled";
    public const string FireAgentLowPressure = "fire.agent_low_pressure";
    public const string WaterLeak = "water_leak";
    public const string DoorOpen = "door_open";

    /// <summary>An environment sensor's temperature changes faster than ASHRAE TC9.9 allows (Room:HasTapeMedia picks the limit).</summary>
    public const string TemperatureRateOfChange = "temperature.rate_of_change";

    /// <summary>A genset GenComm alarm other than fail-to-start and mains failed, e.g. <c>genset.alarm.low_fuel_level</c>.</summary>
    public static string GensetAlarm(string name) => "genset.alarm." + name;

    /// <summary>A CRAC alarm bit, e.g. <c>cooling.alarm.high_temperature</c>.</summary>
    public static string CoolingAlarm(string name) => "cooling.alarm." + name;

    /// <summary>A notification a device sent, by trap name, e.g. <c>trap.upsTrapOnBattery</c> (alarm history only; never active).</summary>
    public static string Trap(string trapName) => "trap." + trapName;

    public static string SensorFault(string point) => "sensor_fault." + point;

    public static string ThresholdHigh(string point) => $"threshold.{point}.high";

    public static string ThresholdLow(string point) => $"threshold.{point}.low";
}
