using System.Net;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Monitoring.Traps;

/// <summary>
/// Which configured SNMP device sent a notification: the one whose <c>Host</c> is the datagram's source address and
/// whose community matches (v1/v2c, constant-time) or whose <c>V3User</c> is the authenticated USM user (v3). Several
/// devices behind one address (a proxy or a multi-device card) may share the v3 user: then the contextName picks the
/// one whose <c>V3Context</c> (or, as net-snmp maps communities to contexts, whose community) it names. No match: an
/// unknown sender.
/// </summary>
internal sealed class TrapAttribution
{
    private readonly Dictionary<IPAddress, DeviceOptions[]> _byAddress;

    public TrapAttribution(IEnumerable<DeviceOptions> devices, Func<string, IPAddress[]> resolve)
    {
        _byAddress = devices
            .Where(d => d.Protocol == DeviceProtocol.Snmp)
            .SelectMany(d => AddressesOf(d.Host, resolve).Select(a => (Address: a, Device: d)))
            .GroupBy(p => p.Address)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Device).Distinct().ToArray());
    }

    public DeviceOptions? Match(IPAddress source, TrapPrincipal principal)
    {
        if (!_byAddress.TryGetValue(Normalise(source), out var candidates))
        {
            return null;
        }

        if (principal.IsCommunity)
        {
            return Array.Find(candidates, d => principal.HasCommunity(d.Community));
        }

        var sameUser = Array.FindAll(candidates, d => d.V3User is not null && string.Equals(d.V3User, principal.UserName, StringComparison.Ordinal));
        if (sameUser.Length <= 1 || string.IsNullOrEmpty(principal.ContextName))
        {
            return sameUser.FirstOrDefault();
        }

        return Array.Find(sameUser, d => string.Equals(d.V3Context, principal.ContextName, StringComparison.Ordinal))
            ?? Array.Find(sameUser, d => string.Equals(d.Community, principal.ContextName, StringComparison.Ordinal))
            ?? sameUser[0];
    }

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static IEnumerable<IPAddress> AddressesOf(string host, Func<string, IPAddress[]> resolve) =>
        IPAddress.TryParse(host, out var address) ? [Normalise(address)] : resolve(host).Select(Normalise);
}
