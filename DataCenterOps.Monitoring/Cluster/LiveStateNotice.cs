using System.Text;
using System.Text.Json;

namespace DataCenterOps.Monitoring.Cluster;

/// <summary>
/// The payload of a <see cref="LiveStateSchema.Channel"/> notification: which node wrote which device's row
/// (<c>{"n":"node-a","d":"ups-1"}</c>). A payload that does not parse means "reload every row".
/// </summary>
internal sealed record LiveStateNotice(string N, string D)
{
    /// <summary>PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.</summary>
    public const int MaxPayloadBytes = 7999;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>The payload, or an empty one (reload every row) when it would be too long.</summary>
    public static string Payload(string node, string deviceId)
    {
        var json = JsonSerializer.Serialize(new LiveStateNotice(node, deviceId), s_json);
        return Encoding.UTF8.GetByteCount(json) <= MaxPayloadBytes ? json : "";
    }

    public static LiveStateNotice? TryParse(string payload)
    {
        try
        {
            return string.IsNullOrEmpty(payload) ? null : JsonSerializer.Deserialize<LiveStateNotice>(payload, s_json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
