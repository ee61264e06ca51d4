namespace DataCenterOps.Monitoring.Simulation;

/// <summary>Starts and stops the simulated room's scenarios (for training, demos and tests).</summary>
public interface ISimulatorControl
{
    /// <summary>Every scenario the simulator knows, with whether it is active.</summary>
    IReadOnlyList<ScenarioInfo> Scenarios { get; }

    IReadOnlyList<ActiveScenario> ActiveScenarios { get; }

    IReadOnlyList<SimulatedDeviceInfo> Devices { get; }

    /// <summary>Starts a scenario (idempotent). <paramref name="deviceId"/> picks the device for per-device scenarios.</summary>
    /// <exception cref="SimulatorException">Unknown scenario or device, or a device missing where required.</exception>
    void Start(string scenario, string? deviceId = null);

    /// <summary>Stops a scenario on one device, or everywhere when <paramref name="deviceId"/> is null (idempotent).</summary>
    /// <exception cref="SimulatorException">Unknown scenario or device.</exception>
    void Stop(string scenario, string? deviceId = null);

    /// <summary>Stops every scenario and puts the room back to its quiet starting state.</summary>
    void Reset();
}
