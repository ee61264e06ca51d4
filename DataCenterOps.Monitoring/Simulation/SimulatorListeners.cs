using System.Net;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>Where the running simulator listens (useful when the configured ports are 0).</summary>
public sealed record SimulatorListeners(IPEndPoint Snmp, IPEndPoint Modbus);
