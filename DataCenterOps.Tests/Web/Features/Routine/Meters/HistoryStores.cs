using DataCenterOps.Domain.Persistence;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Tests.Monitoring.History;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Web.Features.Routine.Meters;

/// <summary>A real history store on either provider: monitoring.db in a temp folder, or a database of its own on the tests' PostgreSQL.</summary>
internal sealed class HistoryStores : IAsyncDisposable
{
    private readonly TempDirectory? _temp;
    private readonly PostgresHistoryHarness? _postgres;

    private HistoryStores(IHistoryStore store, TempDirectory? temp, PostgresHistoryHarness? postgres)
    {
        Store = store;
        Query = new HistoryQuery(store);
        _temp = temp;
        _postgres = postgres;
    }

    public IHistoryStore Store { get; }

    public HistoryQuery Query { get; }

    public static async Task<HistoryStores> CreateAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.PostgreSql)
        {
            var harness = await PostgresHistoryHarness.CreateAsync();
            await harness.Store.PrepareAsync(TestDatabase.SopStart.AddDays(-2), CancellationToken.None);
            await harness.Store.PrepareAsync(TestDatabase.SopStart, CancellationToken.None);
            return new HistoryStores(harness.Store, null, harness);
        }

        var temp = new TempDirectory();
        var options = Options.Create(new MonitoringOptions { DataDirectory = temp.Path });
        return new HistoryStores(new SqliteHistoryStore(new MonitoringDatabase(options), options), temp, null);
    }

    /// <summary>Samples of one point every <paramref name="every"/> from <paramref name="from"/> for <paramref name="duration"/> (both ends included).</summary>
    public Task WriteAsync(string device, string point, DateTimeOffset from, TimeSpan duration, TimeSpan every, Func<int, double> value, string unit = "")
    {
        var readings = new List<Reading>();
        for (var (t, i) = (from, 0); t <= from + duration; t += every, i++)
        {
            readings.Add(new Reading(device, point, t, value(i), unit));
        }

        return Store.WriteBatchAsync(readings, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _temp?.Dispose();
    }
}
