using DataCenterOps.Web.Features.Room;

namespace DataCenterOps.Tests.Web.Features.Room;

/// <summary>Devices under maintenance as a test says (the real source reads checklists in progress).</summary>
public sealed class FakeMaintenanceStatus : IRoomMaintenanceStatus
{
    public HashSet<string> Devices { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlySet<string>> GetDevicesInMaintenanceAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(Devices.ToHashSet(StringComparer.Ordinal));
}
