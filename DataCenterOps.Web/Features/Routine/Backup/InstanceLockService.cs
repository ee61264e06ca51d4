using DataCenterOps.Domain.Persistence;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Backup;

/// <summary>Holds <see cref="InstanceLock"/> for the life of the app. A second app on the same data folder only gets a warning.</summary>
internal sealed partial class InstanceLockService(IOptions<StorageOptions> storage, ILogger<InstanceLockService> logger) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lock = InstanceLock.TryAcquire(storage.Value);
        if (_lock is null)
        {
            LogNotAcquired(InstanceLock.PathFor(storage.Value));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} is held by another process (a restore, or a second instance on the same data folder).")]
    private partial void LogNotAcquired(string path);
}
