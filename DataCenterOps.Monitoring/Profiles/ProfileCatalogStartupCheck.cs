using Microsoft.Extensions.Hosting;

namespace DataCenterOps.Monitoring.Profiles;

/// <summary>Loads the catalog while the host starts, so that a broken profile file stops the start rather than a later poll.</summary>
internal sealed class ProfileCatalogStartupCheck(ProfileCatalog catalog) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(catalog);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
