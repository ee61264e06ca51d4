using System.Collections.Concurrent;
using System.Net;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Usm;

namespace DataCenterOps.Monitoring.Polling;

/// <summary>
/// Reads an SNMP device's points with one GET carrying every OID, split into GETs of at most
/// <see cref="MaxOidsPerGet"/> (and halved again if the agent answers tooBig). A missing OID (noSuchObject,
/// noSuchInstance) gives that point NotAvailable; a timeout or protocol error fails the whole poll.
/// </summary>
public sealed class SnmpDeviceReader(SnmpClient client, ProfileCatalog catalog) : IDeviceReader
{
    /// <summary>Keeps a response of numeric varbinds well under 1472 bytes, the size agents answer without fragmenting.</summary>
    public const int MaxOidsPerGet = 32;

    private readonly ConcurrentDictionary<string, Plan> _plans = new(StringComparer.Ordinal);

    public DeviceProtocol Protocol => DeviceProtocol.Snmp;

    public async Task<DeviceReadResult> ReadAsync(DeviceOptions device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var plan = _plans.GetOrAdd(device.Id, _ => BuildPlan(device));
        var target = await TargetAsync(device, plan, cancellationToken).ConfigureAwait(false);
        var readings = new PointReading[plan.Points.Length];
        var requests = 0;
        for (var start = 0; start < plan.Points.Length; start += MaxOidsPerGet)
        {
            requests += await ReadRangeAsync(target, plan, start, Math.Min(MaxOidsPerGet, plan.Points.Length - start), readings, cancellationToken).ConfigureAwait(false);
        }

        return new DeviceReadResult(readings, requests);
    }

    private async Task<int> ReadRangeAsync(SnmpTarget target, Plan plan, int start, int count, PointReading[] into, CancellationToken cancellationToken)
    {
        IReadOnlyList<Varbind> varbinds;
        try
        {
            varbinds = await client.GetAsync(target, new ArraySegment<ObjectIdentifier>(plan.Oids, start, count), cancellationToken).ConfigureAwait(false);
        }
        catch (SnmpErrorStatusException e) when (e.ErrorStatus == SnmpErrorStatus.TooBig && count > 1)
        {
            var half = count / 2;
            return await ReadRangeAsync(target, plan, start, half, into, cancellationToken).ConfigureAwait(false)
                + await ReadRangeAsync(target, plan, start + half, count - half, into, cancellationToken).ConfigureAwait(false);
        }

        for (var i = 0; i < count; i++)
        {
            var point = plan.Points[start + i];
            into[start + i] = i < varbinds.Count && varbinds[i].Oid == plan.Oids[start + i]
                ? Decode(point, varbinds[i].Value)
                : DeviceProfiles.Without(point, PointQuality.NotAvailable);
        }

        return 1;
    }

    private static PointReading Decode(ProfilePoint point, SnmpValue value) =>
        value.IsException || !value.TryGetNumber(out var raw)
            ? DeviceProfiles.Without(point, PointQuality.NotAvailable)
            : DeviceProfiles.Good(point, raw);

    private static async Task<SnmpTarget> TargetAsync(DeviceOptions device, Plan plan, CancellationToken cancellationToken)
    {
        var endpoint = plan.Endpoint;
        if (endpoint is null)
        {
            var addresses = await Dns.GetHostAddressesAsync(device.Host, cancellationToken).ConfigureAwait(false);
            var address = addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                ?? throw new SnmpException($"Host '{device.Host}' of device '{device.Id}' has no IPv4 address.");
            endpoint = new IPEndPoint(address, device.Port);
        }

        return new SnmpTarget(endpoint, plan.Credentials) with
        {
            Timeout = device.RequestTimeout,
            Retries = device.Retries,
            UseGetBulk = device.UseGetBulk,
        };
    }

    private Plan BuildPlan(DeviceOptions device)
    {
        var points = DeviceProfiles.PointsOf(catalog, device).Where(p => p.Oid is not null).ToArray();
        // A literal address is fixed; a host name is resolved on every poll so a DNS change is picked up.
        var endpoint = IPAddress.TryParse(device.Host, out var address) ? new IPEndPoint(address, device.Port) : null;
        return new Plan(points, [.. points.Select(p => ObjectIdentifier.Parse(p.Oid!))], endpoint, Credentials(device));
    }

    /// <summary>The community for V2c; for V3 the USM user, its level implied by the passwords given (validated at start).</summary>
    internal static SnmpCredentials Credentials(DeviceOptions device) => device.SnmpVersion == SnmpVersion.V3
        ? UsmConfiguration.Create(device.V3User!, device.V3AuthProtocol, device.V3AuthPassword, device.V3PrivProtocol, device.V3PrivPassword, device.V3Context)
        : new SnmpCommunity(device.Community ?? "");

    private sealed record Plan(ProfilePoint[] Points, ObjectIdentifier[] Oids, IPEndPoint? Endpoint, SnmpCredentials Credentials);
}
