using System.Collections.Concurrent;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Modbus;
using DataCenterOps.Monitoring.Profiles;
using Microsoft.Extensions.Logging;

namespace DataCenterOps.Monitoring.Polling;

/// <summary>
/// Reads a Modbus TCP device's points in the planner's merged blocks over its own persistent connection — one per
/// device, so a unit that stops answering behind a shared gateway cannot hold up the others' requests. A block the
/// device refuses with an exception response gives its points NotAvailable; a timeout or protocol error fails the
/// poll (the client then drops and re-opens the connection).
/// </summary>
public sealed class ModbusDeviceReader(ProfileCatalog catalog, TimeProvider time, ILoggerFactory loggers) : IDeviceReader, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Plan>> _plans = new(StringComparer.Ordinal);

    public DeviceProtocol Protocol => DeviceProtocol.ModbusTcp;

    public async Task<DeviceReadResult> ReadAsync(DeviceOptions device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var plan = _plans.GetOrAdd(device.Id, _ => new Lazy<Plan>(() => BuildPlan(device))).Value;
        var unitId = (byte)(device.UnitId ?? 0);
        var byPoint = new Dictionary<ProfilePoint, PointReading>(ReferenceEqualityComparer.Instance);
        foreach (var block in plan.Blocks)
        {
            ushort[]? values;
            try
            {
                values = await plan.Client.ReadBlockAsync(unitId, block, cancellationToken).ConfigureAwait(false);
            }
            catch (ModbusExceptionResponseException)
            {
                values = null;
            }

            foreach (var spec in block.Points)
            {
                var point = plan.PointOf[spec];
                byPoint[point] = values is null ? DeviceProfiles.Without(point, PointQuality.NotAvailable) : Decode(point, block.Decode(spec, values));
            }
        }

        return new DeviceReadResult([.. plan.Points.Select(p => byPoint[p])], plan.Blocks.Count);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var plan in _plans.Values.Where(p => p.IsValueCreated))
        {
            await plan.Value.Client.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static PointReading Decode(ProfilePoint point, ModbusDecodedValue decoded) => decoded.Quality switch
    {
        ModbusValueQuality.Good => new PointReading(
            point.Name,
            decoded.Value,
            point.IsEnumerated ? point.StateOf(Math.Round((decoded.Value - point.Offset) / point.Scale, 6)) : null,
            point.Unit ?? "",
            PointQuality.Good),
        ModbusValueQuality.SensorFault => DeviceProfiles.Without(point, PointQuality.SensorFault),
        _ => DeviceProfiles.Without(point, PointQuality.NotAvailable),
    };

    private Plan BuildPlan(DeviceOptions device)
    {
        var points = DeviceProfiles.PointsOf(catalog, device).Where(p => p is { Table: not null, Address: not null }).ToArray();
        var pointOf = new Dictionary<ModbusPointSpec, ProfilePoint>(ReferenceEqualityComparer.Instance);
        foreach (var point in points)
        {
            var spec = new ModbusPointSpec(
                point.Table!.Value,
                point.Address!.Value,
                point.DataType ?? ModbusDataType.UInt16,
                point.WordOrder,
                point.Scale,
                point.Offset,
                (byte)point.BitShift,
                (byte)point.BitWidth,
                point.GenCommSentinels);
            pointOf[spec] = point;
        }

        var client = new ModbusTcpClient(
            new ModbusEndpointOptions
            {
                Host = device.Host,
                Port = device.Port,
                Timeout = device.RequestTimeout,
                // Reconnect attempts no slower than the poll cadence, so a device that returns is seen at once.
                ReconnectDelayMin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMilliseconds(500).Ticks, device.Interval.Ticks / 2)),
                ReconnectDelayMax = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(30).Ticks, device.Interval.Ticks)),
            },
            time,
            loggers.CreateLogger<ModbusTcpClient>());
        return new Plan(points, ModbusReadPlanner.Plan(pointOf.Keys), pointOf, client);
    }

    private sealed record Plan(
        ProfilePoint[] Points,
        IReadOnlyList<ModbusReadBlock> Blocks,
        Dictionary<ModbusPointSpec, ProfilePoint> PointOf,
        ModbusTcpClient Client);
}
