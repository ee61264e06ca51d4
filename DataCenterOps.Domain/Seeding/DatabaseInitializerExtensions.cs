using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Domain.Seeding;

public static class DatabaseInitializerExtensions
{
    /// <summary>Migrates and seeds before the app serves its first request.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
    }
}
