using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>A minimal EF Core context over SQLite for the ingest comparison.</summary>
public sealed class EfSampleContext(DbContextOptions<EfSampleContext> options) : DbContext(options)
{
    public DbSet<EfSample> Samples => Set<EfSample>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<EfSample>().HasIndex(s => new { s.SeriesId, s.Ts });
}
