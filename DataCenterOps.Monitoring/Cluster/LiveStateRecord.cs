using System.Text.Json;
using System.Text.Json.Serialization;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Monitoring.Cluster;

/// <summary>
/// One device's snapshot as a row of <c>monitoring.live_state</c> holds it (JSON): a description of the device with no
/// address and no secrets, its polling status and its points.
/// </summary>
internal sealed record LiveStateRecord(
    string Name,
    DeviceKind Kind,
    DeviceProtocol Protocol,
    string Profile,
    double IntervalSeconds,
    DeviceStatus Status,
    IReadOnlyList<PointState> Points)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static LiveStateRecord From(DeviceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(snapshot.Name, snapshot.Kind, snapshot.Protocol, snapshot.Options.Profile, snapshot.Options.IntervalSeconds, snapshot.Status, snapshot.Points);
    }

    public static LiveStateRecord? Parse(string json) => JsonSerializer.Deserialize<LiveStateRecord>(json, s_json);

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>The device as a node that does not poll it knows it: enough to list it, never enough to reach it.</summary>
    public DeviceOptions Describe(string deviceId) => new()
    {
        Id = deviceId,
        Name = Name,
        Kind = Kind,
        Protocol = Protocol,
        Profile = Profile,
        IntervalSeconds = IntervalSeconds,
    };
}
