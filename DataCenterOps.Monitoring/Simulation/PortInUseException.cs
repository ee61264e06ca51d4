namespace DataCenterOps.Monitoring.Simulation;

/// <summary>A listener could not bind: another process holds <see cref="Port"/>; <see cref="SettingKey"/> moves it.</summary>
public sealed class PortInUseException(string settingKey, string endpoint, int port, Exception inner)
    : Exception($"Port {port} ({endpoint}) is already in use; set {settingKey} to another port.", inner)
{
    public string SettingKey { get; } = settingKey;

    public string Endpoint { get; } = endpoint;

    public int Port { get; } = port;
}
