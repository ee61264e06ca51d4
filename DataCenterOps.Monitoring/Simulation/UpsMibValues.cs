namespace DataCenterOps.Monitoring.Simulation;

/// <summary>One published moment of a simulated UPS, in engineering units, as <see cref="UpsMib"/> serves it.</summary>
internal readonly record struct UpsMibValues(
    int BatteryStatus,
    double SecondsOnBattery,
    double MinutesRemaining,
    double Charge,
    double BatteryVoltage,
    double BatteryCurrent,
    double BatteryTemperature,
    uint InputLineBads,
    double InputFrequency,
    double InputVoltage,
    double InputCurrent,
    double InputPower,
    int OutputSource,
    double OutputFrequency,
    double OutputVoltage,
    double OutputCurrent,
    double OutputPower,
    double OutputLoad,
    double ElapsedSeconds);
