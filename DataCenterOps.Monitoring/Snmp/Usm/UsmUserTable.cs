using System.Text;

namespace DataCenterOps.Monitoring.Snmp.Usm;

/// <summary>An <see cref="IUsmUserTable"/> over configured credentials, localising each user to whatever engine asks (cached).</summary>
internal sealed class UsmUserTable : IUsmUserTable
{
    private readonly Dictionary<string, SnmpUsmCredentials> _byName;
    private readonly UsmKeyCache _keys = new();

    public UsmUserTable(IEnumerable<SnmpUsmCredentials> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        _byName = new Dictionary<string, SnmpUsmCredentials>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            if (!_byName.TryAdd(user.User, user))
            {
                throw new ArgumentException($"USM user '{user.User}' is given twice.", nameof(users));
            }
        }
    }

    public int Count => _byName.Count;

    public UsmLocalizedUser? Find(ReadOnlySpan<byte> engineId, ReadOnlySpan<byte> userName)
    {
        if (userName.IsEmpty || !_byName.TryGetValue(Encoding.UTF8.GetString(userName), out var credentials))
        {
            return null;
        }

        return _keys.Get(engineId, credentials);
    }

    /// <summary>Localises every user to <paramref name="engineId"/> now, so that the first request pays nothing.</summary>
    public void Prepare(ReadOnlySpan<byte> engineId)
    {
        foreach (var credentials in _byName.Values)
        {
            _keys.Get(engineId, credentials);
        }
    }
}
