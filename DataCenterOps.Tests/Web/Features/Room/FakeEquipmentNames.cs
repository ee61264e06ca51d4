using DataCenterOps.Web.Features.Room;

namespace DataCenterOps.Tests.Web.Features.Room;

/// <summary>Registry names as a test says (the real source reads Equipment.MonitoringDeviceId from the database).</summary>
public sealed class FakeEquipmentNames : IRoomEquipmentNames
{
    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(Names, StringComparer.Ordinal));
}
