using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Facilities;

/// <summary>
/// Devices commissioned from the web: added and removed by the Administrator only, audited (without secrets), their
/// secrets protected by <see cref="DeviceSecretProtector"/>; each change is announced on <see cref="CommissionedDeviceChanges"/>
/// so that monitoring starts or stops polling without a restart.
/// </summary>
public sealed class CommissionedDeviceService(
    DataCenterOpsDbContext db, AuditLog audit, DeviceSecretProtector secrets, CommissionedDeviceChanges changes, TimeProvider time)
{
    public async Task<CommissionedDevice> AddAsync(Actor actor, CommissionedDeviceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        SopGuard.Person(actor.IsIn(Roles.Administrator), SopError.WrongRole, "CommissionDeviceNeedsRole",
            "Only the Administrator may commission a device.");
        var deviceId = SopGuard.Text(input.DeviceId, 64, "DeviceId");
        if (await db.CommissionedDevices.AnyAsync(d => d.DeviceId == deviceId, cancellationToken))
        {
            throw new SopRuleViolationException(SopError.InvalidInput, $"A commissioned device is already called '{deviceId}'.", "DeviceIdTaken", deviceId);
        }

        var device = new CommissionedDevice
        {
            DeviceId = deviceId,
            Name = SopGuard.Text(input.Name, 200, "Name"),
            Kind = SopGuard.Text(input.Kind, 32, "Kind"),
            Protocol = SopGuard.Text(input.Protocol, 16, "Protocol"),
            Host = SopGuard.Text(input.Host, 255, "Host"),
            Port = input.Port,
            Profile = SopGuard.Text(input.Profile, 100, "Profile"),
            IntervalSeconds = input.IntervalSeconds,
            SnmpVersion = input.SnmpVersion,
            ProtectedCommunity = secrets.Protect(input.Community),
            V3User = Optional(input.V3User, 64, "V3User"),
            V3AuthProtocol = Optional(input.V3AuthProtocol, 16, "V3AuthProtocol"),
            ProtectedV3AuthPassword = secrets.Protect(input.V3AuthPassword),
            V3PrivProtocol = Optional(input.V3PrivProtocol, 16, "V3PrivProtocol"),
            ProtectedV3PrivPassword = secrets.Protect(input.V3PrivPassword),
            V3Context = Optional(input.V3Context, 32, "V3Context"),
            UnitId = input.UnitId,
            ScaleOverrides = PointScales.Format(input.ScaleOverrides),
            AddedAtUtc = time.GetUtcNow().UtcDateTime,
            AddedById = actor.UserId,
        };
        db.CommissionedDevices.Add(device);
        audit.Write(actor, "DeviceCommissioned", nameof(CommissionedDevice), device.DeviceId, null, Described(device));
        await SopGuard.SaveAsync(db, cancellationToken);
        changes.Notify();
        return device;
    }

    public async Task RemoveAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        SopGuard.Person(actor.IsIn(Roles.Administrator), SopError.WrongRole, "CommissionDeviceNeedsRole",
            "Only the Administrator may commission a device.");
        var device = SopGuard.Found(await db.CommissionedDevices.FirstOrDefaultAsync(d => d.Id == id, cancellationToken), "Device");
        db.CommissionedDevices.Remove(device);
        audit.Write(actor, "DeviceDecommissioned", nameof(CommissionedDevice), device.DeviceId, Described(device), null);
        await SopGuard.SaveAsync(db, cancellationToken);
        changes.Notify();
    }

    /// <summary>For the monitoring bridge only: every device with its secrets in clear (kept in memory, never shown).</summary>
    public async Task<List<CommissionedDeviceInput>> LoadForMonitoringAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.CommissionedDevices.AsNoTracking().OrderBy(d => d.AddedAtUtc).ThenBy(d => d.DeviceId).ToListAsync(cancellationToken);
        return [.. rows.Select(d => new CommissionedDeviceInput(d.DeviceId, d.Name, d.Kind, d.Protocol, d.Host, d.Port, d.Profile, d.IntervalSeconds,
            d.SnmpVersion, secrets.Unprotect(d.ProtectedCommunity), d.V3User, d.V3AuthProtocol, secrets.Unprotect(d.ProtectedV3AuthPassword),
            d.V3PrivProtocol, secrets.Unprotect(d.ProtectedV3PrivPassword), d.V3Context, d.UnitId, PointScales.Parse(d.ScaleOverrides)))];
    }

    // What the audit row keeps: the settings, never a secret (only whether one is set).
    private static object Described(CommissionedDevice d) => new
    {
        d.DeviceId,
        d.Name,
        d.Kind,
        d.Protocol,
        d.Host,
        d.Port,
        d.Profile,
        d.IntervalSeconds,
        d.SnmpVersion,
        d.V3User,
        d.V3AuthProtocol,
        d.V3PrivProtocol,
        d.V3Context,
        d.UnitId,
        d.ScaleOverrides,
        HasCommunity = d.ProtectedCommunity is not null,
        HasAuthPassword = d.ProtectedV3AuthPassword is not null,
        HasPrivPassword = d.ProtectedV3PrivPassword is not null,
    };

    private static string? Optional(string? value, int maxLength, string field) =>
        string.IsNullOrWhiteSpace(value) ? null : SopGuard.Text(value, maxLength, field);
}
