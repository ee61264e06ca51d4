namespace DataCenterOps.Monitoring.Simulation;

/// <summary>The shared physics of the room that the device models read and write during one step.</summary>
internal sealed class RoomState(IReadOnlyList<ActiveScenario> active)
{
    public const double SetpointTemperature = 24.0;
    public const double SetpointHumidity = 50.0;
    public const double MainsVoltage = 220.0;
    public const double NominalFrequency = 50.0;

    /// <summary>Local time of the step (drives the diurnal cycle).</summary>
    public DateTimeOffset LocalTime { get; set; }

    /// <summary>Time elapsed since the room was started or reset, in seconds.</summary>
    public double Elapsed { get; set; }

    public bool MainsAvailable { get; set; } = true;

    /// <summary>The genset-fail-to-start scenario holds: the genset cranks, fails and locks out.</summary>
    public bool GensetFailsToStart { get; set; }

    /// <summary>How many times faster than real time the UPS batteries discharge (1 unless a scenario accelerates it).</summary>
    public double BatteryDrainFactor { get; set; } = 1;

    /// <summary>The <see cref="Elapsed"/> at which mains last failed or returned.</summary>
    public double MainsChangedAt { get; set; }

    /// <summary>The genset has taken the load after a mains failure.</summary>
    public bool GeneratorOnLoad { get; set; }

    public double GeneratorVoltage { get; set; }

    public double GeneratorFrequency { get; set; }

    /// <summary>The building's distribution (UPS inputs, cooling) has power, from mains or the genset.</summary>
    public bool PowerAvailable => MainsAvailable || GeneratorOnLoad;

    public double SupplyVoltage => MainsAvailable ? MainsVoltage : GeneratorOnLoad ? GeneratorVoltage : 0;

    public double SupplyFrequency => MainsAvailable ? NominalFrequency : GeneratorOnLoad ? GeneratorFrequency : 0;

    /// <summary>Return-air temperature of the room, °C.</summary>
    public double Temperature { get; set; } = SetpointTemperature;

    /// <summary>Relative humidity of the room, %.</summary>
    public double Humidity { get; set; } = 48;

    public double OutsideTemperature { get; set; } = 28;

    /// <summary>IT load relative to nominal (busier in office hours).</summary>
    public double LoadFactor { get; set; } = 1;

    /// <summary>Cooling delivered this step by running compressors, °C per second.</summary>
    public double CoolingRate { get; set; }

    /// <summary>Number of compressors running this step.</summary>
    public int CompressorsRunning { get; set; }

    /// <summary>Sum of the UPS output loads this step, % (the genset carries a share of it).</summary>
    public double UpsLoadTotal { get; set; }

    /// <summary>Sum of the rack PDUs' loads this step, kW (the IT load the utility meter sees through the UPSs).</summary>
    public double ItPowerKw { get; set; }

    public IReadOnlyList<ActiveScenario> Active { get; } = active;

    /// <summary>Whether a scenario is active on this device (or on the whole room).</summary>
    public bool IsActive(string scenario, string? deviceId = null)
    {
        foreach (var a in Active)
        {
            if (a.Name == scenario && (a.DeviceId is null || a.DeviceId == deviceId))
            {
                return true;
            }
        }

        return false;
    }
}
