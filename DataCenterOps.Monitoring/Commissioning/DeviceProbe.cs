using System.Net;
using System.Net.Sockets;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Modbus;
using DataCenterOps.Monitoring.Polling;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataCenterOps.Monitoring.Commissioning;

/// <summary>
/// Reads a device before it is added — the one implementation behind the <c>probe</c> command and the
/// commissioning page. SNMP: sysDescr, sysObjectID and upsIdent, the profile that fits (or the given one); then, for
/// either protocol, every point of the profile through the reader the poller uses, from the same
/// <see cref="DeviceOptions"/> a configured device would have, each with raw and scaled value and a plausibility check.
/// </summary>
/// <exception cref="SnmpException">Typed SNMP failures (timeout, wrong digest, unknown user …) propagate as they are.</exception>
public sealed class DeviceProbe(ProfileCatalog catalog)
{
    /// <param name="device">Address and credentials; its <c>Profile</c> and <c>Kind</c> are set from what is chosen.</param>
    /// <param name="profile">A profile to read with instead of the match (SNMP) or the only one (Modbus).</param>
    /// <param name="kind">Modbus: pick the only profile of this kind.</param>
    /// <exception cref="ProbeUsageException">A given profile is unknown or of the other protocol; a Modbus device needs a profile.</exception>
    public async Task<ProbeReport> ProbeAsync(DeviceOptions device, string? profile, DeviceKind? kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device.Protocol == DeviceProtocol.Snmp)
        {
            await using var client = new SnmpClient();
            var forced = profile is null ? null : Known(profile, DeviceProtocol.Snmp);
            var target = new SnmpTarget(await EndpointAsync(device, cancellationToken).ConfigureAwait(false), SnmpDeviceReader.Credentials(device))
            {
                Timeout = device.RequestTimeout,
                Retries = device.Retries,
            };
            var identity = SnmpIdentity.From(await client.GetAsync(target, SnmpIdentity.Oids, cancellationToken).ConfigureAwait(false));
            (string Name, ProbeProfileChoice Choice, string? Reason)? chosen = forced is not null
                ? (forced.Name, ProbeProfileChoice.Given, null)
                : identity.Match(catalog) is { } match
                    ? (match.Profile.Name, match.Reason.StartsWith("sysObjectID", StringComparison.Ordinal) ? ProbeProfileChoice.SysObjectId : ProbeProfileChoice.UpsIdent, match.Reason)
                    : null;
            if (chosen is not { } c)
            {
                return new ProbeReport(identity, null, ProbeProfileChoice.None, null, [], 0);
            }

            device.Profile = c.Name;
            var (points, requests) = await ReadAsync(new SnmpDeviceReader(client, catalog), device, cancellationToken).ConfigureAwait(false);
            return new ProbeReport(identity, c.Name, c.Choice, c.Reason, points, requests);
        }

        var (name, why) = ChooseModbusProfile(profile, kind);
        device.Profile = name;
        await using var reader = new ModbusDeviceReader(catalog, TimeProvider.System, NullLoggerFactory.Instance);
        var (modbusPoints, modbusRequests) = await ReadAsync(reader, device, cancellationToken).ConfigureAwait(false);
        return new ProbeReport(null, name, profile is null ? ProbeProfileChoice.OnlyModbusProfile : ProbeProfileChoice.Given, why, modbusPoints, modbusRequests);
    }

    /// <summary>The profiles a device of this protocol can be read with, by name.</summary>
    public IReadOnlyList<DeviceProfile> ProfilesFor(DeviceProtocol protocol) =>
        [.. catalog.Profiles.Where(p => p.Protocol == protocol).OrderBy(p => p.Name, StringComparer.Ordinal)];

    /// <summary>
    /// A probed point as it reads with <paramref name="scale"/> in place of its profile's scale — what a ScaleOverrides
    /// entry gives the poller — and whether it is plausible then; the point unchanged when it has no raw value or the
    /// profile has no such point.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is zero or not finite.</exception>
    public ProbePoint Rescale(string profile, ProbePoint probed, double scale)
    {
        ArgumentNullException.ThrowIfNull(probed);
        if (probed.Raw is not { } raw || !catalog.TryGet(profile, out var found) || !found.TryGetPoint(probed.Name, out var point))
        {
            return probed;
        }

        var rescaled = point.WithScale(scale);
        var value = rescaled.ToEngineering(raw);
        return probed with { Value = value, Finding = PlausibleRanges.Find(rescaled, value) };
    }

    private (string Name, string? Why) ChooseModbusProfile(string? profile, DeviceKind? kind)
    {
        if (profile is not null)
        {
            return (Known(profile, DeviceProtocol.ModbusTcp).Name, null);
        }

        var candidates = catalog.Profiles
            .Where(p => p.Protocol == DeviceProtocol.ModbusTcp && (kind is null || p.Kind == kind))
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        return candidates.Count == 1
            ? (candidates[0], kind is { } k ? $"the only Modbus profile of kind {k}" : "the only Modbus profile")
            : throw new ProbeUsageException(candidates.Count == 0
                ? $"No Modbus profile is of kind {kind}; give --profile NAME."
                : $"A Modbus device needs --profile NAME{(kind is null ? " or --kind KIND" : "")}: {string.Join(", ", candidates)}.");
    }

    private DeviceProfile Known(string name, DeviceProtocol protocol)
    {
        var names = string.Join(", ", ProfilesFor(protocol).Select(p => p.Name));
        if (!catalog.TryGet(name, out var found))
        {
            throw new ProbeUsageException($"--profile '{name}' is not known ({protocol} profiles: {names}).");
        }

        return found.Protocol == protocol
            ? found
            : throw new ProbeUsageException($"--profile '{name}' is a {found.Protocol} profile; this address is {protocol} ({names}).");
    }

    private async Task<(IReadOnlyList<ProbePoint> Points, int Requests)> ReadAsync(IDeviceReader reader, DeviceOptions device, CancellationToken cancellationToken)
    {
        var profile = catalog.Get(device.Profile);
        device.Kind = profile.Kind;
        var unknown = device.ScaleOverrides.Keys.Where(k => !profile.TryGetPoint(k, out _)).ToList();
        if (unknown.Count > 0)
        {
            throw new ProbeUsageException($"--scale names no point of {profile.Name}: {string.Join(", ", unknown)}.");
        }

        var points = DeviceProfiles.PointsOf(catalog, device);
        var result = await reader.ReadAsync(device, cancellationToken).ConfigureAwait(false);
        var byName = result.Points.ToDictionary(p => p.Point, StringComparer.Ordinal);
        var rows = new List<ProbePoint>(points.Count);
        foreach (var point in points)
        {
            if (!byName.TryGetValue(point.Name, out var reading))
            {
                continue;
            }

            var unit = reading.Unit.Length > 0 ? reading.Unit : "";
            rows.Add(reading is { Quality: PointQuality.Good, Value: { } v }
                ? new ProbePoint(point.Name, unit, point.ToRaw(v), v, reading.Text, reading.Quality, PlausibleRanges.Find(point, v))
                : new ProbePoint(point.Name, unit, null, null, reading.Text, reading.Quality, null));
        }

        return (rows, result.Requests);
    }

    private static async Task<IPEndPoint> EndpointAsync(DeviceOptions device, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(device.Host, out var literal))
        {
            return new IPEndPoint(literal, device.Port);
        }

        var addresses = await Dns.GetHostAddressesAsync(device.Host, cancellationToken).ConfigureAwait(false);
        var address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? throw new SnmpException($"Host '{device.Host}' has no IPv4 address.");
        return new IPEndPoint(address, device.Port);
    }
}
