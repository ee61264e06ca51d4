namespace DataCenterOps.Monitoring.Simulation;

/// <summary>Whether a scenario acts on the whole room or on one device.</summary>
public enum ScenarioDeviceUse
{
    /// <summary>The whole room (a device must not be given).</summary>
    None,

    /// <summary>One device of the right kind; without one, the first such device.</summary>
    Optional,

    /// <summary>One device, which must be named.</summary>
    Required,
}
