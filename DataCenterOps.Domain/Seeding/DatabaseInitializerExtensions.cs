using DataCenterOps.Domain.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Domain.Seeding;

public static class DatabaseInitializerExtensions
{
    /// <summary>Waits for the database (PostgreSQL may be down at start), then migrates and seeds before the first request.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await services.GetRequiredService<DatabaseStartupWait>().WaitAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
    }
}
