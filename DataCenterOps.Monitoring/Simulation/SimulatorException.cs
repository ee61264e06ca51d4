namespace DataCenterOps.Monitoring.Simulation;

/// <summary>A simulator request that cannot be carried out (unknown scenario, device or point; missing or wrong device).</summary>
public sealed class SimulatorException(SimulatorError error, string message) : Exception(message)
{
    public SimulatorError Error { get; } = error;
}
