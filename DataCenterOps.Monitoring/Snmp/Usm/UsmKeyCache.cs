using System.Collections.Concurrent;

namespace DataCenterOps.Monitoring.Snmp.Usm;

/// <summary>Localised keys per (engine ID, credentials): the 1 MB password expansion runs once per pair.</summary>
internal sealed class UsmKeyCache
{
    /// <summary>Bounds memory if engine IDs keep changing (each entry is a few hundred bytes).</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(string EngineId, SnmpUsmCredentials Credentials), Lazy<UsmLocalizedUser>> _users = new();

    public int Count => _users.Count;

    public UsmLocalizedUser Get(ReadOnlySpan<byte> engineId, SnmpUsmCredentials credentials)
    {
        var key = (Convert.ToHexString(engineId), credentials);
        if (_users.TryGetValue(key, out var known))
        {
            return known.Value;
        }

        if (_users.Count >= MaxEntries)
        {
            _users.Clear();
        }

        var engine = engineId.ToArray();
        return _users.GetOrAdd(key, _ => new Lazy<UsmLocalizedUser>(() => UsmLocalizedUser.Create(credentials, engine))).Value;
    }
}
