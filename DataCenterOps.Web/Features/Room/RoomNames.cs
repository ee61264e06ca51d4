using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using Microsoft.Extensions.Logging;

namespace DataCenterOps.Web.Features.Room;

/// <summary>
/// The one name of each monitored device on every room screen: the equipment registry's name (the name in letters,
/// plans and reports), else the device's configured name, else its id. The registry is re-read at most every
/// <see cref="CacheFor"/>, in the background, so that renders never wait for the database. It is monitoring's
/// <see cref="IDeviceDisplayNames"/> too: notices and <c>/api/v1</c> name a device as the screens do.
/// </summary>
public sealed partial class RoomNames(LiveStateStore liveState, IRoomEquipmentNames registry, TimeProvider time, ILogger<RoomNames> logger)
    : IDeviceDisplayNames
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>(StringComparer.Ordinal);
    private DateTimeOffset _expires = DateTimeOffset.MinValue;
    private Task? _loading;

    /// <summary>The device's one name.</summary>
    public string Of(string deviceId)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        RefreshIfDue();
        return _names.GetValueOrDefault(deviceId) ?? liveState.GetDevice(deviceId)?.Name ?? deviceId;
    }

    /// <summary>Loads the registry's names when they are older than <see cref="CacheFor"/> (before a notice is written).</summary>
    public Task RefreshAsync(CancellationToken cancellationToken) => EnsureLoadedAsync(cancellationToken);

    /// <summary>Loads the registry's names now (pages call it once when they open).</summary>
    public async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        Task? loading;
        lock (_gate)
        {
            if (time.GetUtcNow() < _expires)
            {
                return;
            }

            loading = _loading ??= Task.Run(LoadAsync);
        }

        await loading.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void RefreshIfDue()
    {
        lock (_gate)
        {
            if (time.GetUtcNow() >= _expires && _loading is null)
            {
                _loading = Task.Run(LoadAsync);
            }
        }
    }

    // Runs on the pool: its finally takes the gate, which the starter holds while it records the task.
    private async Task LoadAsync()
    {
        try
        {
            var names = await registry.LoadAsync(CancellationToken.None).ConfigureAwait(false);
            _names = names;
        }
#pragma warning disable CA1031 // The configured names stay on screen when the registry cannot be read.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogLoadFailed(logger, ex);
        }
        finally
        {
            lock (_gate)
            {
                _expires = time.GetUtcNow() + CacheFor;
                _loading = null;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading equipment names from the registry failed; configured device names are shown")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);
}
